package io.kopij.article;

import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in full. */
@Schema(name = "Article")
@org.eclipse.microprofile.graphql.Type("Article")
public record ArticleView(
        @org.eclipse.microprofile.graphql.Id @org.eclipse.microprofile.graphql.NonNull UUID id,
        @Schema(example = "waarom-maakt-meta-zijn-taalmodel-llama-opensource") @org.eclipse.microprofile.graphql.NonNull String slug,
        @Schema(example = "Waarom maakt Meta zijn taalmodel Llama opensource?") @org.eclipse.microprofile.graphql.NonNull String title,
        String lead,
        @org.eclipse.microprofile.graphql.Ignore ArticleBody body,
        @Schema(example = "nl") @org.eclipse.microprofile.graphql.NonNull String language,
        @org.eclipse.microprofile.graphql.NonNull ArticleStatus status,
        @Schema(description = "First publication; kept when republished") Instant publishedAt,
        Instant scheduledAt,
        @org.eclipse.microprofile.graphql.NonNull Instant createdAt,
        @org.eclipse.microprofile.graphql.NonNull Instant updatedAt,
        @Schema(description = "Optimistic-lock version; also the ETag") long version,
        int wordCount,
        int readingTimeMinutes,
        boolean featured,
        ArticleImage image,
        ArticleSeo seo,
        @org.eclipse.microprofile.graphql.NonNull List<AuthorSummary> authors,
        @org.eclipse.microprofile.graphql.NonNull List<TagSummary> tags,
        @Schema(description = "The first tag") TagSummary primaryTag,
        @org.eclipse.microprofile.graphql.Ignore List<RelatedArticleView> related)
        implements io.kopij.shared.web.HttpCaching.LastModified {
}
