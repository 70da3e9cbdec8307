package io.kopij.shared.error;

/** Optimistic concurrency: a stale or missing If-Match / expectedVersion. */
public class PreconditionException extends KopijException {

    private PreconditionException(int status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static PreconditionException stale(String code, long current) {
        return new PreconditionException(412, code, "Version conflict",
                "The resource was changed by someone else; its current version is " + current
                        + ". Read it again and reapply your change.");
    }

    public static PreconditionException required() {
        return new PreconditionException(428, "request.precondition-required", "Precondition required",
                "Send If-Match with the ETag you read, so concurrent edits cannot overwrite each other.");
    }
}
