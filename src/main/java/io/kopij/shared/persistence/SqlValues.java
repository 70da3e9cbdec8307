package io.kopij.shared.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query results, which come back as whatever type the JDBC driver and Hibernate chose. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column: Instant, OffsetDateTime or Timestamp depending on the driver's mapping; null stays. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
