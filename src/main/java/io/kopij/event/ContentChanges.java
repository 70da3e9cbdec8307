package io.kopij.event;

import io.kopij.article.ArticleChange;
import io.kopij.author.AuthorChange;
import io.kopij.media.AssetChanged;
import io.kopij.tag.TagChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Where the content features' change notifications become outbox events. The features fire plain CDI events
 * (synchronously, inside their transactions) and know nothing of the outbox; this feature depends on them, never
 * the other way round.
 */
@ApplicationScoped
class ContentChanges {

    private final ChangeEvents events;

    ContentChanges(ChangeEvents events) {
        this.events = events;
    }

    void onArticle(@Observes ArticleChange change) {
        if (change.isDelete()) {
            events.articleDeleted(change.article(), change.after());
        } else {
            events.articleChanged(change.article(), change.action(), change.before(), change.after());
        }
    }

    void onAuthor(@Observes AuthorChange change) {
        events.authorChanged(change.author(), change.kind());
    }

    void onTag(@Observes TagChange change) {
        events.tagChanged(change.tag(), change.kind());
    }

    void onAsset(@Observes AssetChanged change) {
        events.assetChanged(change);
    }
}
