package io.kopij.event.live;

import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Articles as anonymous readers see them, read from the background threads of the live streams. */
@ApplicationScoped
public class LiveArticles {

    private final ArticleReader articles;

    LiveArticles(ArticleReader articles) {
        this.articles = articles;
    }

    /** The article as it is now, if it is published; drafts never leave through a public stream. */
    @ActivateRequestContext
    public Optional<ArticleView> published(UUID id) {
        return Optional.ofNullable(articles.publishedViews(List.of(id)).get(id));
    }
}
