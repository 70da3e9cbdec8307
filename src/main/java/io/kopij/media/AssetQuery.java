package io.kopij.media;

import java.util.Optional;

/**
 * Filters of the media library: {@code q} in alt text, caption and credit (case-insensitive substring),
 * {@code mimeType}, and {@code uploadedBy} (a subject, or {@code me}).
 */
public record AssetQuery(Optional<String> q, Optional<String> mimeType, Optional<String> uploadedBy) {
}
