package io.kopij.media.image;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * The codec for each format, chosen explicitly: TwelveMonkeys reads JPEG (CMYK, progressive, damaged EXIF),
 * libwebp (through webp-imageio's JNI binding) reads and writes WebP, and the JDK's own codecs do the rest. The
 * plugin providers are kept in a registry of this class, not ImageIO's global one: that one is shared by the
 * whole JVM and would mix plugin classes of different class loaders when Quarkus restarts the application
 * (tests, dev mode).
 */
final class ImageCodecs {

    private static final JPEGImageReaderSpi JPEG_READER = new JPEGImageReaderSpi();
    private static final WebPImageReaderSpi WEBP_READER = new WebPImageReaderSpi();
    private static final WebPImageWriterSpi WEBP_WRITER = new WebPImageWriterSpi();

    static {
        // TwelveMonkeys decodes through the JDK's JPEG reader, which it finds in the registry it is added to.
        ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        Iterator<ImageReaderSpi> readers = IIORegistry.getDefaultInstance()
                .getServiceProviders(ImageReaderSpi.class, true);
        while (readers.hasNext()) {
            ImageReaderSpi reader = readers.next();
            if (reader.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")) {
                own.registerServiceProvider(reader, ImageReaderSpi.class);
            }
        }
        own.registerServiceProvider(JPEG_READER, ImageReaderSpi.class);
    }

    private ImageCodecs() {
    }

    static ImageReader reader(ImageFormat format) {
        try {
            return switch (format) {
                case JPEG -> JPEG_READER.createReaderInstance();
                case WEBP -> WEBP_READER.createReaderInstance();
                case PNG -> jdk(ImageIO.getImageReadersByFormatName("png"));
                case GIF -> jdk(ImageIO.getImageReadersByFormatName("gif"));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageWriter writer(ImageFormat format) {
        try {
            return switch (format) {
                case WEBP -> WEBP_WRITER.createWriterInstance();
                case JPEG -> jdk(ImageIO.getImageWritersByFormatName("jpeg"));
                case PNG -> jdk(ImageIO.getImageWritersByFormatName("png"));
                case GIF -> throw new IllegalArgumentException("GIF is not a rendition format");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's own plugin among those registered (others may be registered by libraries on the class path). */
    private static <T> T jdk(Iterator<T> candidates) {
        while (candidates.hasNext()) {
            T candidate = candidates.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                return candidate;
            }
        }
        throw new IllegalStateException("The JDK's ImageIO plugin is missing");
    }
}
