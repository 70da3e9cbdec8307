package io.kopij.tag;

import io.kopij.shared.error.ResourceNotFoundException;

public class TagNotFoundException extends ResourceNotFoundException {

    public TagNotFoundException(String reference) {
        super("tag.not-found", "No tag " + reference);
    }
}
