package io.kopij.media;

import io.kopij.media.image.ImageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the image answers of other features from assets: the seam for articles ({@code image {assetId, alt,
 * caption}} → {@code url, width, height, srcset, alt, caption, credit}) and for GraphQL's
 * {@code image { url(width, format) srcset }}. Pure: no I/O beyond the asset lookup.
 */
@ApplicationScoped
public class AssetImages {

    private final AssetService assets;
    private final MediaConfig config;

    AssetImages(AssetService assets, MediaConfig config) {
        this.assets = assets;
        this.config = config;
    }

    /** The image of {@code assetId} with {@code srcset} in {@code format}; alt and caption override the asset's. */
    public Optional<AssetImage> image(UUID assetId, ImageFormat format, String alt, String caption) {
        return assets.find(assetId).map(asset -> image(asset, format, alt, caption));
    }

    /** As {@link #image(UUID, ImageFormat, String, String)} for an asset already loaded (pages, batches). */
    public AssetImage image(AssetView asset, ImageFormat format, String alt, String caption) {
        return new AssetImage(asset.url(), asset.width(), asset.height(), srcset(asset, format),
                alt != null ? alt : asset.alt(), caption != null ? caption : asset.caption(), asset.credit());
    }

    /**
     * The HTML srcset: one rendition per configured width below the picture's own width, then the full width
     * (never upscaled), e.g. {@code ".../x.jpg?w=320&fm=webp 320w, .../x.jpg?fm=webp 1200w"}.
     */
    public String srcset(AssetView asset, ImageFormat format) {
        List<String> candidates = new ArrayList<>();
        for (int width : config.widths().stream().sorted().toList()) {
            if (width < asset.width()) {
                candidates.add(asset.url() + "?w=" + width + "&fm=" + format.parameter() + " " + width + "w");
            }
        }
        candidates.add(asset.url() + "?fm=" + format.parameter() + " " + asset.width() + "w");
        return String.join(", ", candidates);
    }

    /**
     * A rendition URL for a wanted width (GraphQL {@code url(width, format)}): the smallest configured width that
     * is at least {@code width}, so any requested width maps to an allowed one; null width or format keeps the
     * original's size or format.
     */
    public String url(AssetView asset, Integer width, ImageFormat format) {
        List<String> parameters = new ArrayList<>();
        if (width != null) {
            int allowed = config.widths().stream().sorted().filter(w -> w >= width).findFirst()
                    .orElse(config.widths().stream().mapToInt(Integer::intValue).max().orElse(width));
            if (allowed < asset.width()) {
                parameters.add("w=" + allowed);
            }
        }
        if (format != null) {
            parameters.add("fm=" + format.parameter());
        }
        return parameters.isEmpty() ? asset.url() : asset.url() + "?" + String.join("&", parameters);
    }
}
