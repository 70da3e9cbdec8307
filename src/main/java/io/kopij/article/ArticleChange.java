package io.kopij.article;

import io.kopij.article.revision.RevisionSnapshot;

/**
 * Fired synchronously inside the writing transaction after every stored change to an article, and with action
 * {@code delete} just before an article is deleted. {@code action} is the revision's action; {@code before} is the
 * article's previous revision (null for a new article), {@code after} the state just recorded (for a delete: the
 * last one). Observers (the change events of the event feature) write in the same transaction, so a change and its
 * notification commit together or not at all.
 */
public record ArticleChange(Article article, String action, RevisionSnapshot before, RevisionSnapshot after) {

    public static final String DELETE = "delete";

    public boolean isDelete() {
        return DELETE.equals(action);
    }
}
