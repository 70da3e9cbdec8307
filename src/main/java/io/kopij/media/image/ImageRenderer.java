package io.kopij.media.image;

import com.luciad.imageio.webp.WebPWriteParam;
import io.kopij.media.AssetException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes one rendition: decode (subsampled while the picture stays at least twice the target size, which saves
 * most of the memory and time for large photos), apply the EXIF orientation, crop, scale down in halving steps
 * (a single big step would alias), and encode without any metadata. Never scales up: a request larger than the
 * picture gets the picture's own size.
 */
public final class ImageRenderer {

    private ImageRenderer() {
    }

    /**
     * What to make. {@code width} and/or {@code height} may be null (keep the aspect ratio); with both,
     * {@code cover} fills the box and crops around the focal point (fractions of the picture), otherwise the
     * picture fits inside it.
     */
    public record Target(Integer width, Integer height, boolean cover, double focalX, double focalY,
            ImageFormat format, int quality) {
    }

    /** The rectangle of the oriented picture that is kept, and the size it is scaled to. */
    record Plan(double cropX, double cropY, double cropWidth, double cropHeight, int width, int height) {
    }

    public static void render(ImageInfo source, Path file, Target target, OutputStream out) throws IOException {
        Plan plan = plan(source.width(), source.height(), target);
        BufferedImage picture = decode(source, file, plan);
        BufferedImage result = scale(crop(picture, source, plan), plan.width(), plan.height(),
                target.format() != ImageFormat.JPEG && picture.getColorModel().hasAlpha());
        encode(result, target, out);
    }

    static Plan plan(int width, int height, Target target) {
        Integer w = target.width();
        Integer h = target.height();
        if (w == null && h == null) {
            return new Plan(0, 0, width, height, width, height);
        }
        if (w != null && h != null && target.cover()) {
            double ratio = (double) w / h;
            double cropWidth = Math.min(width, height * ratio);
            double cropHeight = Math.min(height, width / ratio);
            double k = Math.min(1, w / cropWidth);
            double x = clamp(target.focalX() * width - cropWidth / 2, 0, width - cropWidth);
            double y = clamp(target.focalY() * height - cropHeight / 2, 0, height - cropHeight);
            return new Plan(x, y, cropWidth, cropHeight, atLeastOne(cropWidth * k), atLeastOne(cropHeight * k));
        }
        double k = 1;
        if (w != null) {
            k = Math.min(k, (double) w / width);
        }
        if (h != null) {
            k = Math.min(k, (double) h / height);
        }
        return new Plan(0, 0, width, height, atLeastOne(width * k), atLeastOne(height * k));
    }

    private static BufferedImage decode(ImageInfo source, Path file, Plan plan) throws IOException {
        ImageReader reader = ImageCodecs.reader(source.format());
        try (ImageInputStream in = ImageIOStreams.open(file)) {
            reader.setInput(in, true, true);
            double reduction = Math.min(plan.cropWidth() / plan.width(), plan.cropHeight() / plan.height());
            int step = Math.max(1, (int) Math.floor(reduction / 2));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw AssetException.corrupt("the stored image cannot be decoded");
        } finally {
            reader.dispose();
        }
    }

    /** Orients the decoded picture and cuts out the plan's rectangle, in one drawing step. */
    private static BufferedImage crop(BufferedImage decoded, ImageInfo source, Plan plan) {
        int orientation = source.orientation();
        boolean swap = ImageInfo.swapsAxes(orientation);
        int storedWidth = decoded.getWidth();
        int storedHeight = decoded.getHeight();
        double scale = (double) (swap ? storedHeight : storedWidth) / source.width();
        int cropWidth = atLeastOne(plan.cropWidth() * scale);
        int cropHeight = atLeastOne(plan.cropHeight() * scale);
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(cropWidth, cropHeight,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            AffineTransform transform = AffineTransform.getTranslateInstance(-plan.cropX() * scale,
                    -plan.cropY() * scale);
            transform.concatenate(orientation(orientation, storedWidth, storedHeight));
            g.drawImage(decoded, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Maps stored pixels to the picture as shown, for the EXIF orientations 1-8. */
    static AffineTransform orientation(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
    }

    private static BufferedImage scale(BufferedImage image, int width, int height, boolean keepAlpha) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2, keepAlpha,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() != width || current.getHeight() != height || !keepAlpha && current.getColorModel().hasAlpha()) {
            current = resize(current, width, height, keepAlpha, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage resize(BufferedImage image, int width, int height, boolean keepAlpha,
            Object interpolation) {
        boolean alpha = keepAlpha && image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE); // transparent areas become white in formats without transparency
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void encode(BufferedImage image, Target target, OutputStream out) throws IOException {
        ImageWriter writer = ImageCodecs.writer(target.format());
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = switch (target.format()) {
                case JPEG -> {
                    JPEGImageWriteParam jpeg = new JPEGImageWriteParam(Locale.ROOT);
                    jpeg.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    jpeg.setCompressionQuality(target.quality() / 100f);
                    jpeg.setOptimizeHuffmanTables(true);
                    yield jpeg;
                }
                case WEBP -> {
                    WebPWriteParam webp = new WebPWriteParam(Locale.ROOT);
                    webp.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    webp.setCompressionType(webp.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
                    webp.setCompressionQuality(target.quality() / 100f);
                    yield webp;
                }
                default -> writer.getDefaultWriteParam();
            };
            writer.write(null, new IIOImage(image, null, null), param); // no metadata of any kind
        } finally {
            writer.dispose();
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static int atLeastOne(double value) {
        return Math.max(1, (int) Math.round(value));
    }
}
