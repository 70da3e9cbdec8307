package io.kopij.media.image;

import io.kopij.media.AssetException;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether an uploaded file is an image Kopij accepts, in order of cost: the first bytes (415 for anything
 * that is not JPEG, PNG, WebP or GIF, whatever it claims to be), the size in the header (422 for more pixels than
 * allowed, before a single pixel is decoded), the container structure (422 when truncated or damaged) and a
 * decode at reduced resolution (422 when the compressed data is broken).
 */
public final class ImageInspector {

    /** The trial decode is subsampled down to about this many pixels, so it costs little memory. */
    private static final long TRIAL_DECODE_PIXELS = 2_000_000;

    private ImageInspector() {
    }

    public static ImageInfo inspect(Path file, long maxPixels) throws IOException {
        ImageFormat format = sniff(file);
        int[] size = headerSize(format, file);
        if ((long) size[0] * size[1] > maxPixels) {
            throw AssetException.tooManyPixels(size[0], size[1], maxPixels);
        }
        int orientation;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            orientation = MetadataStripper.strip(format, in, OutputStream.nullOutputStream());
        }
        trialDecode(format, file, size[0], size[1]);
        boolean swap = ImageInfo.swapsAxes(orientation);
        return new ImageInfo(format, swap ? size[1] : size[0], swap ? size[0] : size[1], orientation);
    }

    static ImageFormat sniff(Path file) throws IOException {
        byte[] head = new byte[ImageFormat.SNIFF_LENGTH];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        Optional<ImageFormat> format = ImageFormat.sniff(head, length);
        if (format.isEmpty()) {
            throw AssetException.unsupported(length == 0 ? "The file is empty" : "The file is not a supported image");
        }
        return format.get();
    }

    /** Width and height as stored, read from the header only. */
    private static int[] headerSize(ImageFormat format, Path file) throws IOException {
        ImageReader reader = ImageCodecs.reader(format);
        try (ImageInputStream in = ImageIOStreams.open(file)) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw AssetException.corrupt("the header gives no size");
            }
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            if (e instanceof AssetException rejected) {
                throw rejected;
            }
            throw AssetException.corrupt("the header cannot be read");
        } finally {
            reader.dispose();
        }
    }

    private static void trialDecode(ImageFormat format, Path file, int width, int height) {
        ImageReader reader = ImageCodecs.reader(format);
        try (ImageInputStream in = ImageIOStreams.open(file)) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / TRIAL_DECODE_PIXELS)));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null || image.getWidth() <= 0) {
                throw AssetException.corrupt("no pixels could be decoded");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AssetException rejected) {
                throw rejected;
            }
            throw AssetException.corrupt("the image data is damaged");
        } finally {
            reader.dispose();
        }
    }
}
