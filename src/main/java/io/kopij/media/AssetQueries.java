package io.kopij.media;

import io.kopij.media.image.ImageFormat;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import java.util.List;
import java.util.Optional;

/** Parses the media library's list filters; a value that can never match is a 400, not an empty list. */
final class AssetQueries {

    private static final int MAX_QUERY_LENGTH = 200;

    private AssetQueries() {
    }

    static AssetQuery parse(String q, String mimeType, String uploadedBy) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw invalid("q", "must have at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (mimeType != null && ImageFormat.ofMimeType(mimeType).isEmpty()) {
            throw invalid("mimeType", "must be one of image/jpeg, image/png, image/webp, image/gif");
        }
        if (uploadedBy != null && (uploadedBy.isBlank() || uploadedBy.length() > 255)) {
            throw invalid("uploadedBy", "must be a user's subject or 'me'");
        }
        return new AssetQuery(optional(q), optional(mimeType), optional(uploadedBy));
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static KopijException invalid(String field, String message) {
        return new KopijException(400, "request.invalid", "Invalid input", "The request has an invalid field: " + field,
                List.of(new FieldError(field, message)));
    }
}
