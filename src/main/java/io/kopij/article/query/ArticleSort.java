package io.kopij.article.query;

import java.util.Arrays;
import java.util.Optional;

/** The list orders clients can ask for; each is a keyset order that ends on the id as tie-breaker. */
public enum ArticleSort {
    PUBLISHED_NEWEST("-publishedAt", "published_at", true),
    PUBLISHED_OLDEST("publishedAt", "published_at", false),
    UPDATED_NEWEST("-updatedAt", "updated_at", true),
    TITLE("title", "title", false),
    /** Best full-text match first; only with a text query. */
    RELEVANCE("relevance", "rank", true);

    private final String wireName;
    /** The SQL column (of the article table, or the computed rank) the order is on. */
    final String column;
    final boolean descending;

    ArticleSort(String wireName, String column, boolean descending) {
        this.wireName = wireName;
        this.column = column;
        this.descending = descending;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ArticleSort> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
