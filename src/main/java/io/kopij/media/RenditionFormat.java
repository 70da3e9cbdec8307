package io.kopij.media;

import io.kopij.media.image.ImageFormat;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The formats a rendition can be asked for ({@code fm=}); GIF uploads are served as GIF only untouched. */
@Enum("ImageFormat")
@Description("The format of a rendition")
public enum RenditionFormat {
    JPEG(ImageFormat.JPEG),
    PNG(ImageFormat.PNG),
    WEBP(ImageFormat.WEBP);

    private final ImageFormat format;

    RenditionFormat(ImageFormat format) {
        this.format = format;
    }

    /** The value of {@code fm=}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    ImageFormat format() {
        return format;
    }
}
