package io.kopij.shared.web;

import io.kopij.shared.error.InvalidInputException;
import java.time.Instant;

/**
 * The instants Kopij accepts from clients: years 1 to 9999, what ISO 8601 writes with four digits and well inside
 * what PostgreSQL stores (4713 BC to 294276 AD). Anything outside is a 400 naming the field, not a database error.
 */
public final class Timestamps {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    public static boolean isSupported(Instant instant) {
        return instant == null || !(instant.isBefore(MIN) || instant.isAfter(MAX));
    }

    /** {@code instant}, if within the supported range. */
    public static Instant require(Instant instant, String field) {
        if (!isSupported(instant)) {
            throw InvalidInputException.field(field, "must be between " + MIN + " and " + MAX);
        }
        return instant;
    }
}
