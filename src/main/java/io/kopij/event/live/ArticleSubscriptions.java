package io.kopij.event.live;

import io.kopij.article.ArticleStatus;
import io.kopij.article.ArticleView;
import io.kopij.article.graphql.ArticleFilter;
import io.kopij.article.query.ArticleQuery;
import io.kopij.author.AuthorSummary;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.OutboxEvent;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.tag.TagSummary;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * GraphQL subscriptions over WebSocket (graphql-transport-ws at /graphql): public changes as full articles, read
 * as anonymous readers see them after the change. Drafts never: these streams are public.
 */
@GraphQLApi
@TranslateErrors
public class ArticleSubscriptions {

    private final LiveFeed feed;
    private final LiveArticles articles;
    private final EventThreads threads;
    private final Vertx vertx;

    ArticleSubscriptions(LiveFeed feed, LiveArticles articles, EventThreads threads, Vertx vertx) {
        this.feed = feed;
        this.articles = articles;
        this.threads = threads;
        this.vertx = vertx;
    }

    @Subscription
    @Description("Articles as they are published (also by the scheduler), matching the filter's tags, authors, "
            + "language, featured and publication window; status and query are not supported here")
    public Multi<ArticleView> articlePublished(ArticleFilter filter) {
        ArticleQuery query = ArticleFilter.toQuery(filter, null);
        if (!query.statuses().equals(Set.of(ArticleStatus.PUBLISHED))) {
            throw InvalidInputException.field("filter.status", "subscriptions carry published articles only");
        }
        if (query.text().isPresent()) {
            throw InvalidInputException.field("filter.query", "full-text queries are not supported in subscriptions");
        }
        return articlesAfter(feed.position(), event -> event.type().equals("article.published"))
                .filter(article -> matches(article, query));
    }

    @Subscription
    @Description("The article after every public change to it (edits, publication, a renamed tag or author); "
            + "nothing while it is not published")
    public Multi<ArticleView> articleChanged(@NonNull @Id String id) {
        UUID article = GraphQLIds.parse(id);
        return articlesAfter(feed.position(), event -> event.subjectId().equals(article));
    }

    /**
     * Loads each article on the event threads (it blocks), then hands it back to the subscription's Vert.x
     * context, where SmallRye resolves the selected fields (it needs that context for the blocking ones).
     */
    private Multi<ArticleView> articlesAfter(long position, Predicate<OutboxEvent> wanted) {
        Context subscriber = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        return feed.stream(position)
                .filter(event -> event.type().startsWith("article.") && wanted.test(event))
                .emitOn(threads.workers())
                .map(event -> articles.published(event.subjectId()))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .emitOn(task -> subscriber.runOnContext(ignored -> task.run()));
    }

    private static boolean matches(ArticleView article, ArticleQuery query) {
        boolean tags = query.tags().isEmpty()
                || article.tags().stream().map(TagSummary::slug).anyMatch(query.tags()::contains);
        boolean authors = query.authors().isEmpty()
                || article.authors().stream().map(AuthorSummary::slug).anyMatch(query.authors()::contains);
        boolean language = query.language().map(l -> l.equalsIgnoreCase(article.language())).orElse(true);
        boolean featured = query.featured().map(f -> f == article.featured()).orElse(true);
        boolean after = query.publishedAfter().map(t -> article.publishedAt() != null && !article.publishedAt().isBefore(t))
                .orElse(true);
        boolean before = query.publishedBefore().map(t -> article.publishedAt() != null && article.publishedAt().isBefore(t))
                .orElse(true);
        return tags && authors && language && featured && after && before;
    }
}
