package io.kopij.tag;

import io.kopij.shared.error.NotFoundException;

public class TagNotFoundException extends NotFoundException {

    public TagNotFoundException(String reference) {
        super("tag.not-found", "No tag " + reference);
    }
}
