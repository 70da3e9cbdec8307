package io.kopij.article;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A "lees ook" link as served with an article. */
@Schema(name = "RelatedArticle")
public record RelatedArticleView(UUID id, String slug, String title, String lead, ArticleStatus status,
        Instant publishedAt, ArticleImage image) {
}
