package io.kopij.article;

import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in full. */
@Schema(name = "Article")
public record ArticleView(
        UUID id,
        @Schema(example = "waarom-maakt-meta-zijn-taalmodel-llama-opensource") String slug,
        @Schema(example = "Waarom maakt Meta zijn taalmodel Llama opensource?") String title,
        String lead,
        ArticleBody body,
        @Schema(example = "nl") String language,
        ArticleStatus status,
        @Schema(description = "First publication; kept when republished") Instant publishedAt,
        Instant scheduledAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version; also the ETag") long version,
        int wordCount,
        int readingTimeMinutes,
        boolean featured,
        ArticleImage image,
        ArticleSeo seo,
        List<AuthorSummary> authors,
        List<TagSummary> tags,
        @Schema(description = "The first tag") TagSummary primaryTag,
        List<RelatedArticleView> related) {
}
