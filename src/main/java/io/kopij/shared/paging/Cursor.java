package io.kopij.shared.paging;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset position: the sort it belongs to, the sort value of the last row seen (empty for null) and that
 * row's id. Clients must treat it as opaque; anything that does not decode is a 400, never a 500.
 */
public record Cursor(String sort, String value, UUID id) {

    private static final char SEPARATOR = '\u001f';
    private static final int MAX_ENCODED_LENGTH = 1024;

    public String encode() {
        String raw = "v1" + SEPARATOR + sort + SEPARATOR + (value == null ? "" : value) + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made for {@code expectedSort}. */
    public static Cursor decode(String encoded, String expectedSort) {
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid("cursor is empty or too long");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is not one this API issued");
        }
        String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw invalid("cursor is not one this API issued");
        }
        if (!parts[1].equals(expectedSort)) {
            throw invalid("cursor belongs to sort '" + parts[1] + "', not '" + expectedSort + "'");
        }
        UUID id;
        try {
            id = UUID.fromString(parts[3]);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is not one this API issued");
        }
        return new Cursor(parts[1], parts[2].isEmpty() ? null : parts[2], id);
    }

    /** The 400 for a cursor this API did not issue (or issued for another list). */
    public static InvalidInputException invalid(String message) {
        return new InvalidInputException("request.invalid-cursor", "Invalid cursor: " + message,
                List.of(new FieldError("cursor", message)));
    }
}
