package io.kopij.article;

import io.kopij.article.revision.RevisionService;
import io.kopij.article.revision.RevisionSnapshot;
import io.kopij.author.AuthorSummary;
import io.kopij.shared.persistence.VersionedWrites;
import io.kopij.shared.security.Actor;
import io.kopij.shared.security.CurrentUser;
import io.kopij.tag.TagSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Where every change to an article is stored, whichever service made it: the write is flushed (the version check
 * happens there, so a concurrent writer that got there first makes this a 412) and its revision is recorded in
 * the same transaction; the caller is answered with the article as stored. Anything else that must happen with
 * every article write belongs here too.
 */
@ApplicationScoped
public class ArticleChanges {

    private final ArticleRepository articles;
    private final RevisionService revisions;
    private final ArticleMapper mapper;
    private final CurrentUser caller;
    private final ArticleReader reader;
    private final Event<ArticleChange> changes;

    ArticleChanges(ArticleRepository articles, RevisionService revisions, ArticleMapper mapper, CurrentUser caller,
            ArticleReader reader, Event<ArticleChange> changes) {
        this.changes = changes;
        this.articles = articles;
        this.revisions = revisions;
        this.mapper = mapper;
        this.caller = caller;
        this.reader = reader;
    }

    /** A new article, with its first revision. */
    ArticleView created(Article article) {
        articles.persist(article);
        articles.flush();
        RevisionSnapshot state = snapshot(article);
        revisions.record(article.id(), article.version(), "create", caller(), state, null);
        changes.fire(new ArticleChange(article, "create", null, state));
        return reader.view(article);
    }

    ArticleView saved(Article article, String action) {
        saved(article, action, null, caller());
        return reader.view(article);
    }

    ArticleView restored(Article article, int fromRevision) {
        saved(article, "restore", fromRevision, caller());
        return reader.view(article);
    }

    /** A change made by Kopij itself (the scheduler), not by the caller of a request. */
    void savedBy(Article article, String action, Actor actor) {
        saved(article, action, null, actor);
    }

    /**
     * A change the caller made to another article as a consequence of their own write (a tag or a linked article
     * they deleted): stored and recorded like any change, without building an answer.
     */
    void savedAsConsequence(Article article, String action) {
        saved(article, action, null, caller());
    }

    private void saved(Article article, String action, Integer restoredFrom, Actor actor) {
        article.touch();
        VersionedWrites.flush(articles.getEntityManager(), "article.version-conflict", article.version());
        RevisionSnapshot before = revisions.latestSnapshot(article.id()).orElse(null);
        RevisionSnapshot state = snapshot(article);
        revisions.record(article.id(), article.version(), action, actor, state, restoredFrom);
        changes.fire(new ArticleChange(article, action, before, state));
    }

    /** An article is about to be deleted: its observers still see it (and its last revision). */
    void deleting(Article article) {
        RevisionSnapshot last = revisions.latestSnapshot(article.id()).orElseGet(() -> snapshot(article));
        changes.fire(new ArticleChange(article, ArticleChange.DELETE, last, last));
    }

    private Actor caller() {
        return new Actor(caller.subject().orElse(null), caller.displayName().orElse(null));
    }

    private RevisionSnapshot snapshot(Article article) {
        ArticleInput input = mapper.toInput(article);
        return new RevisionSnapshot(input.title(), input.lead(), input.body(), input.language(), input.slug(),
                Boolean.TRUE.equals(input.featured()), input.image(), input.seo(),
                article.authors.stream().map(AuthorSummary::of).toList(),
                article.tags.stream().map(TagSummary::of).toList(),
                article.related.stream().map(Article::id).toList(),
                article.status, article.publishedAt, article.scheduledAt);
    }
}
