package io.kopij.author;

import io.kopij.shared.error.NotFoundException;

public class AuthorNotFoundException extends NotFoundException {

    public AuthorNotFoundException(String reference) {
        super("author.not-found", "No author " + reference);
    }
}
