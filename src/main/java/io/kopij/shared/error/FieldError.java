package io.kopij.shared.error;

/** One invalid input field: its JSON path ("image.url", "tags[2]") and what is wrong with it. */
public record FieldError(String field, String message) {
}
