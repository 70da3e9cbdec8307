package io.kopij.event.sync;

import io.kopij.article.ArticleView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a sync: articles to store (as they are now) and ids to drop. While more pages follow it links
 * {@code nextPageUrl}; the last page links {@code nextSyncUrl}, to call later for what changed since.
 */
@Schema(name = "SyncPage")
public record SyncPage(
        @Schema(description = "Published articles, in full as GET /articles/{id} shows them") List<ArticleView> items,
        @Schema(description = "Articles to remove: unpublished, archived, deleted, or no longer matching the filter")
        List<Tombstone> deleted,
        @Schema(nullable = true, description = "The next page of this sync") String nextPageUrl,
        @Schema(nullable = true, description = "On the last page: where to ask for changes later")
        String nextSyncUrl) {

    @Schema(name = "SyncTombstone")
    public record Tombstone(UUID id, @Schema(description = "When it stopped being visible under the filter") Instant deletedAt) {
    }
}
