package io.kopij.article;

import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list: no body, relations as summaries. */
@Schema(name = "ArticleSummary")
public record ArticleSummary(
        UUID id,
        String slug,
        String title,
        String lead,
        String language,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        boolean featured,
        ArticleImage image,
        int readingTimeMinutes,
        List<AuthorSummary> authors,
        List<TagSummary> tags) {
}
