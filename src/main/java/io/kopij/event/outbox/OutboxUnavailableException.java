package io.kopij.event.outbox;

import java.sql.SQLException;

/** The outbox could not be read (the database is away); request paths turn the SQL cause into a 503. */
public class OutboxUnavailableException extends RuntimeException {

    public OutboxUnavailableException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
