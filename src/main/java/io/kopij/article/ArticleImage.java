package io.kopij.article;

import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article's image as answered. For an uploaded asset: its URL (metadata removed), size, a WebP {@code srcset}
 * and credit, with the article's alt text and caption where it has them and the asset's otherwise. For an external
 * URL: the URL and the article's texts, nothing Kopij cannot know. GraphQL serves {@code url} with arguments
 * ({@code ArticleImageGraphQLApi}).
 */
@Schema(name = "Image")
@Type("Image")
public record ArticleImage(
        @Schema(nullable = true, description = "The uploaded asset; null for an external image") @Id UUID assetId,
        @Schema(example = "/api/v1/assets/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11/v1/lama.jpg",
                description = "The image; for an asset add ?w=&h=&fit=&fm=&q= for renditions") @Ignore String url,
        @Schema(nullable = true, example = "1600", description = "Pixels as shown; null for an external image")
        Integer width,
        @Schema(nullable = true, example = "900") Integer height,
        @Schema(nullable = true, description = "HTML srcset of WebP renditions; null for an external image",
                example = "/api/v1/assets/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11/v1/lama.jpg?w=320&fm=webp 320w, "
                        + "/api/v1/assets/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11/v1/lama.jpg?fm=webp 1600w")
        String srcset,
        @Schema(nullable = true, example = "Een lama in een weiland") String alt,
        @Schema(nullable = true, example = "Lama's op de Veluwe") String caption,
        @Schema(nullable = true, example = "Foto: Kopij") String credit) {

    /** An image Kopij does not hold: only what the article says of it. */
    static ArticleImage external(ArticleImageInput image) {
        return new ArticleImage(null, image.url(), null, null, null, image.alt(), image.caption(), null);
    }
}
