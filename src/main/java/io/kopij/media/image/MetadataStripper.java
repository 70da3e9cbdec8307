package io.kopij.media.image;

import io.kopij.media.AssetException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Copies an image without its metadata (EXIF with GPS positions and camera serials, XMP, IPTC, comments, text
 * chunks) and without re-encoding it, walking the container structure of each format. Walking the whole file
 * also proves its structure is complete: a truncated or malformed file is an {@link AssetException#corrupt}.
 * What is kept is what the picture needs: pixels, palette, transparency, colour profile and animation.
 */
public final class MetadataStripper {

    /** PNG chunks that describe the picture itself; every other ancillary chunk (tEXt, eXIf, tIME...) is dropped. */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
            "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "acTL", "fcTL", "fdAT");
    /** WebP chunks that describe the picture; EXIF and XMP are dropped. */
    private static final Set<String> WEBP_KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int VP8X_EXIF_AND_XMP_FLAGS = 0x08 | 0x04;
    private static final long MAX_WEBP_CHUNK = 256L * 1024 * 1024;

    private MetadataStripper() {
    }

    /** Copies {@code in} to {@code out} without metadata; returns the EXIF orientation (1 when there is none). */
    public static int strip(ImageFormat format, InputStream in, OutputStream out) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            return switch (format) {
                case JPEG -> jpeg(data, out);
                case PNG -> png(data, out);
                case GIF -> gif(data, out);
                case WEBP -> webp(data, out);
            };
        } catch (EOFException e) {
            throw AssetException.corrupt("the file ends too early (truncated?)");
        }
    }

    private static int jpeg(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedShort() != 0xffd8) {
            throw AssetException.corrupt("not a JPEG start of image");
        }
        out.write(0xff);
        out.write(0xd8);
        int orientation = 1;
        boolean sawFrame = false;
        int marker = nextJpegMarker(in);
        while (true) {
            if (marker == 0xd9) {
                if (!sawFrame) {
                    throw AssetException.corrupt("the JPEG has no image frame");
                }
                out.write(0xff);
                out.write(0xd9);
                return orientation; // anything after the end of image is dropped
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                out.write(0xff);
                out.write(marker);
                marker = nextJpegMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw AssetException.corrupt("a JPEG segment has an impossible length");
            }
            byte[] segment = new byte[length - 2];
            in.readFully(segment);
            if (marker == 0xe1 && startsWith(segment, "Exif\0\0")) {
                orientation = ExifOrientation.read(segment, 6);
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                sawFrame = true;
            }
            if (keepJpegSegment(marker, segment)) {
                out.write(0xff);
                out.write(marker);
                out.write(length >> 8);
                out.write(length & 0xff);
                out.write(segment);
            }
            marker = marker == 0xda ? copyEntropyCodedData(in, out) : nextJpegMarker(in);
        }
    }

    /** JFIF, ICC profile and Adobe (colour transform) segments stay; EXIF, XMP, IPTC, comments and the rest go. */
    private static boolean keepJpegSegment(int marker, byte[] segment) {
        if (marker == 0xfe) {
            return false;
        }
        if (marker >= 0xe0 && marker <= 0xef) {
            return (marker == 0xe0 && startsWith(segment, "JFIF\0"))
                    || (marker == 0xe2 && startsWith(segment, "ICC_PROFILE\0"))
                    || (marker == 0xee && startsWith(segment, "Adobe"));
        }
        return true;
    }

    private static int nextJpegMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b != 0xff) {
            throw AssetException.corrupt("a JPEG marker was expected");
        }
        while (b == 0xff) {
            b = in.readUnsignedByte();
        }
        return b;
    }

    /** Copies a scan's data up to the next marker (not a stuffed 0xFF00 or a restart marker) and returns it. */
    private static int copyEntropyCodedData(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xff) {
                out.write(b);
                continue;
            }
            int next = in.readUnsignedByte();
            while (next == 0xff) {
                next = in.readUnsignedByte();
            }
            if (next == 0x00 || (next >= 0xd0 && next <= 0xd7)) {
                out.write(0xff);
                out.write(next);
                continue;
            }
            return next;
        }
    }

    private static int png(DataInputStream in, OutputStream out) throws IOException {
        byte[] signature = new byte[8];
        in.readFully(signature);
        out.write(signature);
        boolean first = true;
        while (true) {
            long length = Integer.toUnsignedLong(in.readInt());
            if (length > Integer.MAX_VALUE) {
                throw AssetException.corrupt("a PNG chunk has an impossible length");
            }
            byte[] type = new byte[4];
            in.readFully(type);
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (first && !name.equals("IHDR")) {
                throw AssetException.corrupt("the PNG does not start with a header chunk");
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(type);
            boolean keep = PNG_KEPT.contains(name);
            if (keep) {
                out.write(intBytes((int) length));
                out.write(type);
            }
            byte[] buffer = new byte[(int) Math.min(length, 64 * 1024)];
            long left = length;
            while (left > 0) {
                int n = (int) Math.min(left, buffer.length);
                in.readFully(buffer, 0, n);
                crc.update(buffer, 0, n);
                if (keep) {
                    out.write(buffer, 0, n);
                }
                left -= n;
            }
            int expected = in.readInt();
            if ((int) crc.getValue() != expected) {
                throw AssetException.corrupt("a PNG chunk (" + printable(name) + ") is damaged");
            }
            if (keep) {
                out.write(intBytes(expected));
            }
            if (name.equals("IEND")) {
                return 1;
            }
        }
    }

    private static int gif(DataInputStream in, OutputStream out) throws IOException {
        byte[] header = new byte[13]; // signature, version, logical screen descriptor
        in.readFully(header);
        out.write(header);
        copyColorTable(in, out, header[10]);
        boolean sawImage = false;
        while (true) {
            int introducer = in.readUnsignedByte();
            if (introducer == 0x3b) {
                if (!sawImage) {
                    throw AssetException.corrupt("the GIF has no image");
                }
                out.write(0x3b);
                return 1;
            }
            if (introducer == 0x2c) {
                byte[] descriptor = new byte[9];
                in.readFully(descriptor);
                out.write(0x2c);
                out.write(descriptor);
                copyColorTable(in, out, descriptor[8]);
                out.write(in.readUnsignedByte()); // LZW minimum code size
                copySubBlocks(in, out);
                sawImage = true;
            } else if (introducer == 0x21) {
                int label = in.readUnsignedByte();
                ByteArrayOutputStream blocks = new ByteArrayOutputStream();
                copySubBlocks(in, blocks);
                if (keepGifExtension(label, blocks.toByteArray())) {
                    out.write(0x21);
                    out.write(label);
                    blocks.writeTo(out);
                }
            } else {
                throw AssetException.corrupt("the GIF has an unknown block");
            }
        }
    }

    /** Graphic control (timing, transparency) and the looping extensions stay; comments and XMP go. */
    private static boolean keepGifExtension(int label, byte[] blocks) {
        if (label == 0xf9 || label == 0x01) {
            return true;
        }
        if (label == 0xff && blocks.length >= 12) {
            String application = new String(blocks, 1, 11, StandardCharsets.ISO_8859_1);
            return application.equals("NETSCAPE2.0") || application.equals("ANIMEXTS1.0");
        }
        return false;
    }

    private static void copyColorTable(DataInputStream in, OutputStream out, byte packed) throws IOException {
        if ((packed & 0x80) != 0) {
            byte[] table = new byte[3 * (1 << ((packed & 0x07) + 1))];
            in.readFully(table);
            out.write(table);
        }
    }

    private static void copySubBlocks(DataInputStream in, OutputStream out) throws IOException {
        byte[] block = new byte[255];
        while (true) {
            int size = in.readUnsignedByte();
            out.write(size);
            if (size == 0) {
                return;
            }
            in.readFully(block, 0, size);
            out.write(block, 0, size);
        }
    }

    /** A WebP chunk: its declared size and its data with the padding byte an odd size is followed by. */
    private record Chunk(String name, int size, byte[] data) {
    }

    private static int webp(DataInputStream in, OutputStream out) throws IOException {
        byte[] riff = new byte[12];
        in.readFully(riff);
        long declared = Integer.toUnsignedLong(littleEndianInt(riff, 4));
        if (declared < 4 || declared % 2 != 0) {
            throw AssetException.corrupt("the WebP container has an impossible size");
        }
        List<Chunk> kept = new ArrayList<>();
        long read = 4;
        boolean sawImage = false;
        while (read < declared) {
            byte[] head = new byte[8];
            in.readFully(head);
            String name = new String(head, 0, 4, StandardCharsets.ISO_8859_1);
            long size = Integer.toUnsignedLong(littleEndianInt(head, 4));
            long padded = size + (size & 1);
            if (padded > MAX_WEBP_CHUNK || read + 8 + padded > declared) {
                throw AssetException.corrupt("a WebP chunk does not fit its container");
            }
            byte[] data = new byte[(int) padded];
            in.readFully(data);
            read += 8 + padded;
            if (name.equals("VP8X") && data.length >= 1) {
                data[0] = (byte) (data[0] & ~VP8X_EXIF_AND_XMP_FLAGS);
            }
            sawImage |= name.equals("VP8 ") || name.equals("VP8L") || name.equals("ANMF");
            if (WEBP_KEPT.contains(name)) {
                kept.add(new Chunk(name, (int) size, data));
            }
        }
        if (!sawImage) {
            throw AssetException.corrupt("the WebP has no image");
        }
        long size = 4;
        for (Chunk chunk : kept) {
            size += 8 + chunk.data().length;
        }
        out.write(riff, 0, 4);
        out.write(littleEndianBytes((int) size));
        out.write(riff, 8, 4);
        for (Chunk chunk : kept) {
            out.write(chunk.name().getBytes(StandardCharsets.ISO_8859_1));
            out.write(littleEndianBytes(chunk.size()));
            out.write(chunk.data());
        }
        return 1;
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (data.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static int littleEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    private static byte[] littleEndianBytes(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static String printable(String chunkName) {
        return chunkName.replaceAll("[^A-Za-z]", "?");
    }
}
