package io.kopij.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the newsroom says about an image: the upload's form fields and the fields a PATCH changes (as a JSON merge
 * patch; {@code null} clears a text and resets the focal point to the centre).
 */
@Schema(name = "AssetMetadata")
public record AssetMetadata(
        @Size(max = 1000) @Schema(description = "Text alternative for readers who cannot see the image",
                example = "Een lama op een bergweide") String alt,
        @Size(max = 2000) @Schema(example = "Lama's zijn sociale dieren.") String caption,
        @Size(max = 300) @Schema(example = "Foto: Kopij") String credit,
        @Valid FocalPoint focalPoint) {
}
