package io.kopij.shared.error;

import java.util.List;

/** Input that is valid in form but refers to things that cannot be used: unknown authors, related ids. */
public class UnprocessableException extends KopijException {

    public UnprocessableException(String code, String detail, List<FieldError> errors) {
        super(422, code, "Unprocessable content", detail, errors);
    }
}
