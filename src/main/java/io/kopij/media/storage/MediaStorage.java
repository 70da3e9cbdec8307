package io.kopij.media.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where uploads and renditions live: the local disk of one instance or an S3-compatible store shared by all.
 * Keys are relative paths ({@code originals/<sha256>}, {@code assets/<id>/v1/w640.webp}); a write is atomic (a
 * reader sees the whole object or none) and writing the same key twice is harmless.
 */
public interface MediaStorage {

    /** Stores the file under {@code key}; the file itself stays the caller's. */
    void put(String key, Path file, String contentType) throws IOException;

    /** The object as a local file, when this store keeps files (served without copying); empty otherwise. */
    Optional<Path> localFile(String key);

    /** The object's bytes, or empty when there is none. */
    Optional<byte[]> read(String key) throws IOException;

    /** Copies the object into {@code target} (for decoding); false when there is none. */
    boolean copyTo(String key, Path target) throws IOException;

    boolean exists(String key) throws IOException;

    /** Every key that starts with {@code prefix}. */
    List<String> list(String prefix) throws IOException;

    void delete(String key) throws IOException;

    /** Deletes every object whose key starts with {@code prefix}. */
    default void deleteAll(String prefix) throws IOException {
        for (String key : list(prefix)) {
            delete(key);
        }
    }

    /** A short name for logs and metrics: {@code local} or {@code s3}. */
    String kind();
}
