package io.kopij.article;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article's image as written: an uploaded asset ({@code assetId}) or an external {@code url}, exactly one of
 * them, with the article's own alt text and caption (when absent, an asset's own are shown). Also how revisions
 * keep it.
 */
@Schema(name = "ImageInput", description = "Exactly one of assetId and url")
@Type("ImageReference")
@Input("ImageInput")
@Description("An article's image as written: exactly one of assetId and url, with the article's own alt and caption")
public record ArticleImageInput(
        @Schema(nullable = true, description = "An uploaded asset (POST /api/v1/assets)") @Id UUID assetId,
        @Schema(nullable = true, example = "https://cdn.example.nl/img/llama-4.jpg",
                description = "An external image, for images not uploaded to Kopij") @Size(max = 2048)
        @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String url,
        @Schema(nullable = true, example = "Een lama in een weiland",
                description = "Text alternative; default the asset's. Required to publish.") @Size(max = 500) String alt,
        @Schema(nullable = true, example = "Lama's op de Veluwe", description = "Default the asset's caption")
        @Size(max = 1000) String caption) {

    /** The image as stored in an article's columns; none without an asset or a URL. */
    public static ArticleImageInput stored(UUID assetId, String url, String alt, String caption) {
        return assetId == null && url == null ? null : new ArticleImageInput(assetId, url, alt, caption);
    }
}
