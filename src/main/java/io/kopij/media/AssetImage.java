package io.kopij.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An image as an article (or any content) shows it: the URL of the image (metadata removed), its size, an HTML
 * {@code srcset} of renditions in one format, and the texts. Alt and caption may be the article's own, overriding
 * the asset's.
 */
@Schema(name = "Image")
public record AssetImage(
        @Schema(example = "/api/v1/assets/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11/v1/lama.jpg") String url,
        int width,
        int height,
        @Schema(example = "/api/v1/assets/0b6f.../v1/lama.jpg?w=320&fm=webp 320w, /api/v1/assets/0b6f.../v1/lama.jpg?w=640&fm=webp 640w")
        String srcset,
        String alt,
        String caption,
        String credit) {
}
