package io.kopij.media.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image formats Kopij accepts, recognised by their first bytes (never by a declared type or file name). */
public enum ImageFormat {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif");

    /** Bytes {@link #sniff} needs. */
    public static final int SNIFF_LENGTH = 12;

    private final String mimeType;
    private final String extension;

    ImageFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The name clients use in {@code fm=}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Formats a rendition can be made in (GIF is accepted, but served as GIF only untouched). */
    public boolean isRenditionFormat() {
        return this != GIF;
    }

    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (length >= 8 && Arrays.equals(Arrays.copyOf(head, 8),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(PNG);
        }
        if (length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8'
                && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** {@code fm=} of a rendition request: jpeg (or jpg), png, webp. */
    public static Optional<ImageFormat> ofParameter(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }

    public static Optional<ImageFormat> ofMimeType(String mimeType) {
        return Arrays.stream(values()).filter(f -> f.mimeType.equals(mimeType)).findFirst();
    }
}
