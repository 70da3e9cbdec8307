package io.kopij.author;

import io.kopij.shared.error.ResourceNotFoundException;

public class AuthorNotFoundException extends ResourceNotFoundException {

    public AuthorNotFoundException(String reference) {
        super("author.not-found", "No author " + reference);
    }
}
