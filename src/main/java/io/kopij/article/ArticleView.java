package io.kopij.article;

import io.kopij.shared.cache.CacheKey;
import io.kopij.author.AuthorSummary;
import io.kopij.shared.web.HttpCaching;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in full. */
@CacheKey("article")
@Schema(name = "Article")
@Type("Article")
public record ArticleView(
        @Id @NonNull UUID id,
        @Schema(example = "waarom-maakt-meta-zijn-taalmodel-llama-opensource") @NonNull String slug,
        @Schema(example = "Waarom maakt Meta zijn taalmodel Llama opensource?") @NonNull String title,
        @Schema(nullable = true) String lead,
        @Ignore ArticleBody body,
        @Schema(example = "nl") @NonNull String language,
        @NonNull ArticleStatus status,
        @Schema(nullable = true, description = "First publication; kept when republished") Instant publishedAt,
        @Schema(nullable = true) Instant scheduledAt,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @Schema(description = "Optimistic-lock version; also the ETag") long version,
        int wordCount,
        int readingTimeMinutes,
        boolean featured,
        @Schema(nullable = true) ArticleImage image,
        @Schema(nullable = true) ArticleSeo seo,
        // GraphQL serves these as Author and Tag objects (article.graphql.ArticleRelationsGraphQLApi), one type per
        // entity so client caches normalise; REST answers the summaries.
        @Ignore @NonNull List<AuthorSummary> authors,
        @Ignore @NonNull List<TagSummary> tags,
        @Ignore @Schema(nullable = true, description = "The first tag") TagSummary primaryTag,
        @Ignore List<RelatedArticleView> related)
        implements HttpCaching.LastModified {
}
