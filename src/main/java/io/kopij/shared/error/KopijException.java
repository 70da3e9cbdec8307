package io.kopij.shared.error;

import java.util.List;

/**
 * A failure the client can act on. Each carries the HTTP status it maps to and a stable code ("article.not-found")
 * that REST problem bodies and GraphQL error extensions both expose.
 */
public class KopijException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public KopijException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public KopijException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** No stack traces for expected client errors: they are not logged and cost time to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
