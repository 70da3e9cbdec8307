package io.kopij.media.rendition;

import io.kopij.media.AssetException;
import io.kopij.media.MediaConfig;
import io.kopij.media.RenderSource;
import io.kopij.media.image.ImageFormat;
import io.kopij.shared.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rendition request ({@code w}, {@code h}, {@code fit}, {@code fm}, {@code q}), checked against the configured
 * sets so that nobody can make the server store unbounded variants. No parameters: the image itself, cleaned.
 */
public record RenditionSpec(Integer width, Integer height, Fit fit, ImageFormat format, Integer quality) {

    public enum Fit {
        COVER, CONTAIN
    }

    private static final Set<String> PARAMETERS = Set.of("w", "h", "fit", "fm", "q");

    /** Parses query parameters (each given at most once); every problem is listed in one 400. */
    public static RenditionSpec parse(Map<String, List<String>> query, MediaConfig config) {
        List<FieldError> errors = new ArrayList<>();
        for (var entry : query.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                errors.add(new FieldError(entry.getKey(), "unknown parameter; allowed: fit, fm, h, q, w"));
            } else if (entry.getValue().size() > 1) {
                errors.add(new FieldError(entry.getKey(), "must be given once"));
            }
        }
        Integer width = number(query, "w", config.widths(), errors);
        Integer height = number(query, "h", config.heights(), errors);
        Integer quality = number(query, "q", config.qualities(), errors);
        Fit fit = null;
        String fitValue = single(query, "fit");
        if (fitValue != null) {
            switch (fitValue.toLowerCase(Locale.ROOT)) {
                case "cover" -> fit = Fit.COVER;
                case "contain" -> fit = Fit.CONTAIN;
                default -> errors.add(new FieldError("fit", "must be cover or contain"));
            }
        }
        ImageFormat format = null;
        String formatValue = single(query, "fm");
        if (formatValue != null) {
            format = ImageFormat.ofParameter(formatValue).orElse(null);
            if (format == null) {
                errors.add(new FieldError("fm", "must be jpeg, png or webp"));
            }
        }
        if (!errors.isEmpty()) {
            throw AssetException.invalidRendition(errors);
        }
        return new RenditionSpec(width, height, fit, format, quality);
    }

    public boolean isOriginal() {
        return width == null && height == null && format == null && quality == null;
    }

    /**
     * The canonical variant for this asset, so equivalent requests share one stored object: the format made
     * explicit (the original's; PNG for a GIF), sizes at or above the picture's dropped (renditions never scale
     * up), the fit only where both sizes are given, the quality only for lossy formats.
     */
    public Variant resolve(RenderSource source, int defaultQuality) {
        if (isOriginal()) {
            return Variant.original(source.format());
        }
        ImageFormat out = format != null ? format : source.format() == ImageFormat.GIF ? ImageFormat.PNG : source.format();
        Integer w = width;
        Integer h = height;
        boolean cover = w != null && h != null && fit != Fit.CONTAIN;
        if (!cover) {
            if (w != null && w >= source.width() && (h == null || h >= source.height())) {
                w = null;
            }
            if (h != null && h >= source.height() && (w == null || w >= source.width())) {
                h = null;
            }
        }
        Integer q = out == ImageFormat.PNG ? null : quality != null ? quality : defaultQuality;
        return new Variant(w, h, w != null && h != null ? (cover ? Fit.COVER : Fit.CONTAIN) : null, out, q, false);
    }

    /** A canonical rendition of one asset version. */
    public record Variant(Integer width, Integer height, Fit fit, ImageFormat format, Integer quality,
            boolean original) {

        static Variant original(ImageFormat format) {
            return new Variant(null, null, null, format, null, true);
        }

        /** The object name below the asset version's prefix, e.g. {@code w640-h360-cover-q80.webp}. */
        public String name() {
            if (original) {
                return "original." + format.extension();
            }
            List<String> parts = new ArrayList<>();
            if (width != null) {
                parts.add("w" + width);
            }
            if (height != null) {
                parts.add("h" + height);
            }
            if (fit != null) {
                parts.add(fit.name().toLowerCase(Locale.ROOT));
            }
            if (parts.isEmpty()) {
                parts.add("full");
            }
            if (quality != null) {
                parts.add("q" + quality);
            }
            return String.join("-", parts) + "." + format.extension();
        }
    }

    private static Integer number(Map<String, List<String>> query, String name, List<Integer> allowed,
            List<FieldError> errors) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (allowed.contains(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be one of " + String.join(", ",
                new TreeSet<>(allowed).stream().map(String::valueOf).toList())));
        return null;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
