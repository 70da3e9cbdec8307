package io.kopij.media.image;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/** ImageIO input straight from a file: no ImageIO cache file, no copy in memory. */
final class ImageIOStreams {

    private ImageIOStreams() {
    }

    static ImageInputStream open(Path file) throws IOException {
        return new FileImageInputStream(file.toFile());
    }
}
