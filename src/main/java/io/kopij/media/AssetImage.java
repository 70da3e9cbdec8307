package io.kopij.media;

/**
 * An image as an article (or any content) shows it: the URL of the image (metadata removed), its size, an HTML
 * {@code srcset} of renditions in one format, and the texts. Alt and caption may be the article's own, overriding
 * the asset's. Not yet part of the API contract: the article feature will expose it (as {@code image}).
 */
public record AssetImage(String url, int width, int height, String srcset, String alt, String caption,
        String credit) {
}
