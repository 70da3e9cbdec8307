package io.kopij.media;

import io.kopij.media.image.ImageFormat;
import io.kopij.shared.security.Actor;
import io.kopij.shared.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Entities to answers, and the URLs of an asset's image and renditions. */
@ApplicationScoped
public class AssetMapper {

    /** Where renditions are served; the route in the rendition package matches this shape. */
    public static final String PATH = "/api/v1/assets";

    private final MediaConfig config;
    private final String base;

    AssetMapper(MediaConfig config) {
        this.config = config;
        this.base = config.baseUrl().map(uri -> uri.toString().replaceAll("/+$", "")).orElse("");
    }

    public AssetView toView(Asset asset) {
        return new AssetView(asset.id(), url(asset.id(), asset.renderVersion, asset.filename), asset.mimeType,
                asset.width, asset.height, asset.bytes, asset.sha256, asset.filename, asset.alt, asset.caption,
                asset.credit, new FocalPoint(asset.focalX, asset.focalY), new Actor(asset.uploadedBy,
                asset.uploadedByName), List.copyOf(config.widths()), List.copyOf(config.heights()),
                List.copyOf(config.qualities()), asset.version(), asset.createdAt(), asset.updatedAt());
    }

    /** The versioned URL of the image itself; renditions add query parameters. */
    public String url(UUID id, int renderVersion, String filename) {
        return base + PATH + "/" + id + "/v" + renderVersion + "/" + filename;
    }

    /** A file name for URLs: the uploaded name as a slug, with the extension of the detected format. */
    static String filename(String uploadedName, ImageFormat format) {
        String name = uploadedName == null ? "" : uploadedName.replaceAll("^.*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String slug = Slugs.fromText(name);
        if ("untitled".equals(slug)) {
            slug = "image";
        }
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug + "." + format.extension();
    }
}
