package io.kopij.shared.error;

public class NotFoundException extends KopijException {

    public NotFoundException(String code, String detail) {
        super(404, code, "Not found", detail);
    }
}
