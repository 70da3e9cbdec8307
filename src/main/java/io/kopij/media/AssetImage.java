package io.kopij.media;

import java.util.UUID;

/**
 * An asset as other features show it as a picture: the URL of the image (metadata removed), its size as shown, an
 * HTML {@code srcset} of WebP renditions, and the newsroom's texts. The article feature builds its {@code image}
 * answers from these.
 */
public record AssetImage(UUID id, String url, int width, int height, String srcset, String alt, String caption,
        String credit) {
}
