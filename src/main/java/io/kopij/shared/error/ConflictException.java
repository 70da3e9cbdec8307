package io.kopij.shared.error;

/** The request is valid but clashes with the current state: a taken slug, an impossible transition. */
public class ConflictException extends KopijException {

    public ConflictException(String code, String title, String detail) {
        super(409, code, title, detail);
    }
}
