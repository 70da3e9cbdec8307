package io.kopij.article;

import java.util.Arrays;
import java.util.Optional;

/** The list orders clients can ask for; each is a keyset order that ends on the id as tie-breaker. */
public enum ArticleSort {
    PUBLISHED_NEWEST("-publishedAt", "publishedAt", true),
    PUBLISHED_OLDEST("publishedAt", "publishedAt", false),
    UPDATED_NEWEST("-updatedAt", "updatedAt", true),
    TITLE("title", "title", false),
    /** Best full-text match first; only with a text query. */
    RELEVANCE("relevance", "rank", true);

    private final String wireName;
    final String field;
    final boolean descending;

    ArticleSort(String wireName, String field, boolean descending) {
        this.wireName = wireName;
        this.field = field;
        this.descending = descending;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ArticleSort> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
