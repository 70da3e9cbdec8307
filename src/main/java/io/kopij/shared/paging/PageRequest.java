package io.kopij.shared.paging;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * Which slice of a list to return: {@code limit} rows after an opaque {@code cursor}, or the 1-based {@code page}.
 * The cursor is the robust choice (stable while rows are inserted); pages exist for numbered pagination UIs.
 */
public record PageRequest(int limit, Optional<String> cursor, Optional<Integer> page) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Deep offsets cost a scan of every skipped row; cursors have no such limit. */
    public static final int MAX_PAGE = 10_000;

    public static PageRequest parse(String limit, String cursor, String page) {
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null) {
            parsedLimit = parseInt("limit", limit, 1, MAX_LIMIT);
        }
        if (cursor != null && page != null) {
            throw new InvalidInputException("request.invalid", "Use either cursor or page, not both",
                    List.of(new FieldError("page", "cannot be combined with cursor")));
        }
        Optional<Integer> parsedPage = page == null ? Optional.empty()
                : Optional.of(parseInt("page", page, 1, MAX_PAGE));
        if (cursor != null && cursor.isBlank()) {
            throw InvalidInputException.field("cursor", "must not be empty");
        }
        return new PageRequest(parsedLimit, Optional.ofNullable(cursor), parsedPage);
    }

    public int offset() {
        return page.map(p -> (p - 1) * limit).orElse(0);
    }

    static int parseInt(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw InvalidInputException.field(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(name, "must be a whole number between " + min + " and " + max);
        }
    }
}
