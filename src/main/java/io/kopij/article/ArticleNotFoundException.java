package io.kopij.article;

import io.kopij.shared.error.ResourceNotFoundException;

/** Also what a caller gets for an article they may not see: existence does not leak. */
public class ArticleNotFoundException extends ResourceNotFoundException {

    public ArticleNotFoundException(String reference) {
        super("article.not-found", "No article " + reference);
    }
}
