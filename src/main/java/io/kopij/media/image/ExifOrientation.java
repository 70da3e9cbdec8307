package io.kopij.media.image;

/**
 * Reads the orientation tag (0x0112) from the TIFF structure of an EXIF block. Cameras store pictures as the
 * sensor saw them and record the rotation here; Kopij applies it before it removes the metadata.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation 1-8, or 1 when the block is malformed or has none (metadata never fails an upload). */
    static int read(byte[] data, int tiffStart) {
        if (data.length < tiffStart + 8) {
            return 1;
        }
        boolean little;
        if (data[tiffStart] == 'I' && data[tiffStart + 1] == 'I') {
            little = true;
        } else if (data[tiffStart] == 'M' && data[tiffStart + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(data, tiffStart + 4, little);
        int entriesAt = (int) (tiffStart + ifd);
        if (ifd < 8 || entriesAt + 2 > data.length) {
            return 1;
        }
        int count = u16(data, entriesAt, little);
        for (int i = 0; i < count; i++) {
            int entry = entriesAt + 2 + 12 * i;
            if (entry + 12 > data.length) {
                return 1;
            }
            if (u16(data, entry, little) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xff;
        int b = data[at + 1] & 0xff;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] data, int at, boolean little) {
        long a = u16(data, at, little);
        long b = u16(data, at + 2, little);
        return little ? a | b << 16 : a << 16 | b;
    }
}
