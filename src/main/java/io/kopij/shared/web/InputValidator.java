package io.kopij.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Bean Validation for inputs built inside a service (merge patches), with the same 400 as annotated input. */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T validate(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
