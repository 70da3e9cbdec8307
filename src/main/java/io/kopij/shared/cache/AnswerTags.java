package io.kopij.shared.cache;

import jakarta.enterprise.context.RequestScoped;

/**
 * The cache keys of the current answer that its entity no longer shows by itself: an answer written with only some
 * of its fields (sparse fieldsets) records the keys of what it was made from here, and the caching filter adds them.
 */
@RequestScoped
public class AnswerTags {

    private CacheTags tags = CacheTags.NONE;

    public void add(CacheTags more) {
        tags = tags.plus(more);
    }

    public CacheTags tags() {
        return tags;
    }
}
