package io.kopij.media;

import io.kopij.shared.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An asset as the API shows it. {@code url} serves the image without metadata; the same URL with {@code w},
 * {@code h}, {@code fit}, {@code fm} and {@code q} serves renditions, with {@code w}, {@code h} and {@code q}
 * from the listed {@code widths}, {@code heights} and {@code qualities}.
 */
@Schema(name = "Asset")
public record AssetView(
        UUID id,
        @Schema(description = "The image without metadata; add ?w=&h=&fit=&fm=&q= for renditions. Changes when the "
                + "focal point does, so it can be cached for ever",
                example = "/api/v1/assets/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11/v1/lama.jpg") String url,
        @Schema(example = "image/jpeg") String mimeType,
        @Schema(description = "Width in pixels, as shown (after the camera's orientation)", example = "4000") int width,
        @Schema(example = "3000") int height,
        @Schema(description = "Size of the upload in bytes", example = "5242880") long bytes,
        @Schema(description = "SHA-256 of the uploaded bytes, lower-case hex") String sha256,
        @Schema(example = "lama.jpg") String filename,
        @Schema(nullable = true, description = "Text alternative for readers who cannot see the image") String alt,
        @Schema(nullable = true) String caption,
        @Schema(nullable = true, example = "Foto: Kopij") String credit,
        FocalPoint focalPoint,
        @Schema(description = "Who uploaded it") Actor uploadedBy,
        @Schema(description = "Allowed values of w") List<Integer> widths,
        @Schema(description = "Allowed values of h") List<Integer> heights,
        @Schema(description = "Allowed values of q (JPEG and WebP)") List<Integer> qualities,
        @Schema(description = "Optimistic-lock version: send it back as If-Match") long version,
        Instant createdAt,
        Instant updatedAt) {
}
