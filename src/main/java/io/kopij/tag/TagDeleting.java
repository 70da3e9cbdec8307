package io.kopij.tag;

import java.util.UUID;

/**
 * Fired (synchronously, inside the deleting transaction) just before a tag is deleted, so that features which
 * use tags can let go of it first: the article feature removes it from each article that carries it, as a change
 * of that article. The tag feature knows nothing of those features.
 */
public record TagDeleting(UUID tagId) {
}
