package io.kopij.edge;

import io.kopij.event.outbox.OutboxEvent;
import java.util.List;

/**
 * The cache keys an event makes stale. Answers carry {@code <family>:<id>} for each entity they show and lists
 * also {@code <family>s} (see CacheKey, ListingTag), so a change purges the entity's key and its family's list key:
 * a publication, an unpublication or a reordering shows in every list. Changes to drafts nobody anonymous can see
 * purge nothing; a rename of an author or a tag also purges each published article that shows it (the outbox
 * writes an {@code article.updated} for each).
 */
final class PurgeKeys {

    private PurgeKeys() {
    }

    static List<String> of(OutboxEvent event) {
        int dot = event.type().indexOf('.');
        if (dot <= 0) {
            return List.of();
        }
        String family = event.type().substring(0, dot);
        if (family.equals("article") && !event.isPublic()) {
            return List.of(); // a draft, or a scheduled article: never in a public answer
        }
        if (family.equals("webhook")) {
            return List.of();
        }
        return List.of(family + ":" + event.subjectId(), family + "s");
    }
}
