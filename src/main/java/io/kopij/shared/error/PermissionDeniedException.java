package io.kopij.shared.error;

/** The caller is known but their role or ownership does not allow the action. */
public class PermissionDeniedException extends KopijException {

    public PermissionDeniedException(String detail) {
        super(403, "auth.forbidden", "Forbidden", detail);
    }
}
