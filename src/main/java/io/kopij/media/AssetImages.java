package io.kopij.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The media feature's surface for features that show assets as pictures (articles): images looked up in batches
 * (one statement for a whole page of articles), their {@code srcset}, and rendition URLs for a wanted width and
 * format. Only URLs with allowed parameters are ever built, so every URL handed out can be served.
 */
@ApplicationScoped
public class AssetImages {

    /** The format of {@code srcset}: WebP is the smallest for photos and every current browser shows it. */
    public static final RenditionFormat SRCSET_FORMAT = RenditionFormat.WEBP;

    private final AssetService assets;
    private final List<Integer> widths;

    AssetImages(AssetService assets, MediaConfig config) {
        this.assets = assets;
        this.widths = config.widths().stream().distinct().sorted().toList();
    }

    /** The images of these assets, in one statement; unknown ids are missing from the map. */
    public Map<UUID, AssetImage> images(Collection<UUID> ids) {
        Map<UUID, AssetImage> images = new HashMap<>();
        assets.findAll(ids).forEach((id, asset) -> images.put(id, image(asset)));
        return images;
    }

    /** Whether an asset exists that can be shown as an image (every asset Kopij accepts is one). */
    public boolean isImage(UUID id) {
        return assets.find(id).map(asset -> asset.mimeType().startsWith("image/")).orElse(false);
    }

    AssetImage image(AssetView asset) {
        return new AssetImage(asset.id(), asset.url(), asset.width(), asset.height(),
                srcset(asset.url(), asset.width()), asset.alt(), asset.caption(), asset.credit());
    }

    /**
     * The HTML srcset: one WebP rendition per configured width below the picture's own width, then the picture at
     * its own width (renditions never scale up), e.g. {@code ".../x.jpg?w=320&fm=webp 320w, .../x.jpg?fm=webp 1200w"}.
     */
    public String srcset(String url, int imageWidth) {
        List<String> candidates = new ArrayList<>();
        for (int width : widths) {
            if (width < imageWidth) {
                candidates.add(url + "?w=" + width + "&fm=" + SRCSET_FORMAT.parameter() + " " + width + "w");
            }
        }
        candidates.add(url + "?fm=" + SRCSET_FORMAT.parameter() + " " + imageWidth + "w");
        return String.join(", ", candidates);
    }

    /**
     * A rendition URL of the image at {@code url} ({@code imageWidth} pixels wide) for a wanted width and format
     * (GraphQL's {@code url(width, format)}): the smallest configured width that is at least {@code width} (the
     * largest when none is), none when that is not below the picture's own width; null arguments keep the
     * original's size or format.
     */
    public String url(String url, int imageWidth, Integer width, RenditionFormat format) {
        List<String> parameters = new ArrayList<>();
        if (width != null && !widths.isEmpty()) {
            int allowed = widths.stream().filter(w -> w >= width).findFirst().orElse(widths.get(widths.size() - 1));
            if (allowed < imageWidth) {
                parameters.add("w=" + allowed);
            }
        }
        if (format != null) {
            parameters.add("fm=" + format.parameter());
        }
        return parameters.isEmpty() ? url : url + "?" + String.join("&", parameters);
    }
}
