package io.kopij.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What the newsroom says about an image: the upload's form fields and the fields a PATCH changes (as a JSON merge
 * patch; {@code null} clears a text and resets the focal point to the centre). The contract shows them as
 * AssetUploadRequest and AssetPatch.
 */
public record AssetMetadata(
        @Size(max = 1000) String alt,
        @Size(max = 2000) String caption,
        @Size(max = 300) String credit,
        @Valid FocalPoint focalPoint) {
}
