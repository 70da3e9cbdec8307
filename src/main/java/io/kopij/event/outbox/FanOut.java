package io.kopij.event.outbox;

import java.util.List;
import java.util.UUID;

/**
 * "Every published article that shows this tag (or author) changed": written as part of the same INSERT, by an
 * {@code insert ... select} over the articles, so a rename of a tag on 10,000 articles is still one statement.
 *
 * @param relation  {@code tags} or {@code authors}: the join table and the name in {@code changed}
 * @param relatedId the tag or author
 * @param articleIds when present, these articles instead of the ones linked now (a deleted tag has no links left)
 * @param formerTagSlugs tag slugs the articles showed before the change (filters on the old slug still match)
 */
public record FanOut(String relation, UUID relatedId, List<UUID> articleIds, List<String> formerTagSlugs) {

    public FanOut {
        if (!relation.equals("tags") && !relation.equals("authors")) {
            throw new IllegalArgumentException(relation);
        }
    }
}
