package io.kopij.media;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Images made for tests, friendly and hostile. Every call with a distinct seed gives distinct bytes. */
public final class TestImages {

    private TestImages() {
    }

    /** A gradient with a seed-dependent stripe, so each seed gives other bytes (and another asset). */
    public static BufferedImage picture(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(240, 200, 80)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color((int) (seed * 2654435761L) & 0xffffff));
        g.fillRect(0, (int) (Math.abs(seed) % Math.max(1, height - 4)), width, 4);
        g.dispose();
        return image;
    }

    /**
     * Left quarter pure red, the rest pure blue: a cover crop with the focal point on the left keeps red, one on
     * the right has none.
     */
    public static BufferedImage redLeftQuarter(int width, int height, long seed) {
        BufferedImage image = picture(width, height, seed);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 4, height);
        g.setColor(new Color((int) seed & 0xff, 0, 255));
        g.fillRect(width - 2, height - 2, 2, 2);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format.equals("webp")) {
                ImageWriter writer = new WebPImageWriterSpi().createWriterInstance();
                try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(image);
                }
                writer.dispose();
                return out.toByteArray();
            }
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int width, int height, long seed) {
        return encode(picture(width, height, seed), "jpeg");
    }

    public static byte[] png(int width, int height, long seed) {
        return encode(picture(width, height, seed), "png");
    }

    public static byte[] gif(int width, int height, long seed) {
        return encode(picture(width, height, seed), "gif");
    }

    /** WebP through the same codec (libwebp) the server uses. */
    public static byte[] webp(int width, int height, long seed) {
        return encode(picture(width, height, seed), "webp");
    }

    /** Decodes JPEG, PNG, GIF with the JDK and WebP with libwebp, as a browser would. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image;
            if (bytes.length > 12 && new String(bytes, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
                ImageReader reader = new WebPImageReaderSpi().createReaderInstance();
                reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
                image = reader.read(0);
                reader.dispose();
            } else {
                image = ImageIO.read(new ByteArrayInputStream(bytes));
            }
            if (image == null) {
                throw new IllegalStateException("Not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG as a camera writes it: EXIF with orientation 6 (turn a quarter clockwise to show) and a GPS position,
     * an XMP block with a location and a comment, all before the picture data.
     */
    public static byte[] jpegWithExifGps(int storedWidth, int storedHeight, long seed) {
        byte[] plain = jpeg(storedWidth, storedHeight, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        writeSegment(out, 0xe1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff(6)));
        writeSegment(out, 0xe1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,22.5N"
                + "</exif:GPSLatitude></x:xmpmeta>").getBytes(StandardCharsets.ISO_8859_1));
        writeSegment(out, 0xfe, "Shot at home, GPS 52.37 4.89".getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 with Orientation and a GPS IFD pointer; the GPS IFD with latitude N 52° 22' 30". */
    private static byte[] exifTiff(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(128);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2); // IFD0 at 8: two entries
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0); // no next IFD; GPS IFD at 38
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0); // GPS latitude rationals at 68
        tiff.putInt(52).putInt(1).putInt(22).putInt(1).putInt(30).putInt(1);
        return Arrays.copyOf(tiff.array(), tiff.position());
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xff);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xff);
        out.write(data, 0, data.length);
    }

    /** The markers of a JPEG's segments before the picture data (SOS), e.g. to prove there is no APP1 (EXIF). */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int marker = jpeg[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xda) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff));
        }
        return markers;
    }

    /** A valid PNG header claiming 50,000 × 50,000 pixels (2.5 gigapixels), followed by a few bytes of data. */
    public static byte[] pngBomb() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteBuffer header = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            pngChunk(out, "IHDR", header.array());
            pngChunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
            pngChunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pngChunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    public static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    /** Text that claims to be a JPEG by name and type, but whose bytes are no image. */
    public static byte[] wrongMagic() {
        return "This is not a JPEG, whatever the file name says.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] svgWithScript() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(jpeg(16, 16, 1));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
