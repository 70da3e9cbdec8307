package io.kopij.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A slug an article had before it was renamed after publication; reading by it redirects. */
@Entity
@Table(name = "article_slug_history")
public class ArticleSlugHistory {

    @Id
    @Column(length = 96)
    String slug;

    @Column(name = "article_id", nullable = false)
    UUID articleId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ArticleSlugHistory() {
    }

    ArticleSlugHistory(String slug, UUID articleId, Instant createdAt) {
        this.slug = slug;
        this.articleId = articleId;
        this.createdAt = createdAt;
    }
}
