package io.kopij.media.image;

/**
 * What an accepted upload is: its format, its size as shown (after the EXIF orientation is applied) and that
 * orientation (1-8, 1 = as stored), which renders apply first.
 */
public record ImageInfo(ImageFormat format, int width, int height, int orientation) {

    /** Orientations 5-8 turn the picture a quarter: stored width and height swap. */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5;
    }
}
