package io.kopij.media;

import io.kopij.media.image.ImageFormat;
import io.kopij.media.image.ImageInfo;
import java.util.UUID;

/**
 * The facts a rendition depends on. For one (id, renderVersion) they never change, which is what makes the
 * rendition URLs immutable and lets the rendition service keep these in memory on every instance.
 */
public record RenderSource(UUID id, int renderVersion, String sha256, ImageFormat format, int width, int height,
        int orientation, double focalX, double focalY, String filename) {

    public ImageInfo image() {
        return new ImageInfo(format, width, height, orientation);
    }
}
