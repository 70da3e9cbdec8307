package io.kopij.article;

import io.kopij.shared.cache.CacheKey;
import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list: no body, relations as summaries. */
@CacheKey("article")
@Schema(name = "ArticleSummary")
public record ArticleSummary(
        @Id @NonNull UUID id,
        @NonNull String slug,
        @NonNull String title,
        @Schema(nullable = true) String lead,
        @NonNull String language,
        @NonNull ArticleStatus status,
        @Schema(nullable = true) Instant publishedAt,
        @NonNull Instant updatedAt,
        boolean featured,
        @Schema(nullable = true) ArticleImage image,
        int readingTimeMinutes,
        @NonNull List<AuthorSummary> authors,
        @NonNull List<TagSummary> tags,
        @Schema(nullable = true, description = "With q: the matching passage, matches in <mark>, other text HTML-escaped")
        String highlight) {
}
