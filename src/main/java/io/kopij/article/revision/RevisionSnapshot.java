package io.kopij.article.revision;

import io.kopij.article.ArticleImageInput;
import io.kopij.article.ArticleSeo;
import io.kopij.article.ArticleStatus;
import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable state of an article at one revision, as stored (JSON) and served. */
@Schema(name = "RevisionSnapshot")
@Type("RevisionSnapshot")
public record RevisionSnapshot(
        @Schema(nullable = true) String title,
        @Schema(nullable = true) String lead,
        @Schema(nullable = true) String body,
        @Schema(nullable = true) String language,
        @Schema(nullable = true) String slug,
        boolean featured,
        @Schema(nullable = true) ArticleImageInput image,
        @Schema(nullable = true) ArticleSeo seo,
        @NonNull List<@NonNull AuthorSummary> authors,
        @NonNull List<@NonNull TagSummary> tags,
        @NonNull List<@NonNull UUID> related,
        @Schema(nullable = true) ArticleStatus status,
        @Schema(nullable = true) Instant publishedAt,
        @Schema(nullable = true) Instant scheduledAt) {

    /** Snapshots written before a list existed read as empty lists, never null. */
    public RevisionSnapshot {
        authors = authors == null ? List.of() : authors;
        tags = tags == null ? List.of() : tags;
        related = related == null ? List.of() : related;
    }
}
