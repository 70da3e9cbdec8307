package io.kopij.shared.error;

import java.util.List;

/** Input that is well-formed JSON but breaks a rule: 400 with the offending fields. */
public class InvalidInputException extends KopijException {

    public InvalidInputException(String code, String detail, List<FieldError> errors) {
        super(400, code, "Invalid input", detail, errors);
    }

    public InvalidInputException(String code, String detail) {
        this(code, detail, List.of());
    }

    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException("request.invalid", "The request has an invalid field: " + field,
                List.of(new FieldError(field, message)));
    }
}
