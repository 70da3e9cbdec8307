package io.kopij.article;

import io.kopij.shared.cache.CacheKey;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A "lees ook" link as served with an article. */
@CacheKey("article")
@Schema(name = "RelatedArticle")
@Type("RelatedArticle")
public record RelatedArticleView(
        @Id @NonNull UUID id,
        @NonNull String slug,
        @NonNull String title,
        @Schema(nullable = true) String lead,
        @NonNull ArticleStatus status,
        @Schema(nullable = true) Instant publishedAt,
        @Schema(nullable = true) ArticleImage image,
        @Schema(description = "manual: chosen by the editors; tags: published article sharing most tags", example = "manual")
        @NonNull String source) {
}
