package io.kopij.shared.error;

public class ResourceNotFoundException extends KopijException {

    public ResourceNotFoundException(String code, String detail) {
        super(404, code, "Not found", detail);
    }
}
