package io.kopij.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Image")
@Type("Image")
@Input("ImageInput")
public record ArticleImage(
        @Schema(example = "https://cdn.example.nl/img/llama-4.jpg", required = true) @NotBlank @Size(max = 2048)
        @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String url,
        @Schema(nullable = true, example = "Een lama in een weiland") @Size(max = 500) String alt,
        @Schema(nullable = true, example = "Foto: Unsplash") @Size(max = 1000) String caption) {

    /** The image as stored in an article's columns; none without a URL. */
    public static ArticleImage of(String url, String alt, String caption) {
        return url == null ? null : new ArticleImage(url, alt, caption);
    }
}
