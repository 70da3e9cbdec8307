package io.kopij.article.revision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored revision. Immutable once written. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision {

    @Id
    UUID id = UUID.randomUUID();

    @Column(name = "article_id", nullable = false)
    UUID articleId;

    @Column(nullable = false)
    int number;

    @Column(nullable = false)
    long version;

    @Column(nullable = false, length = 32)
    String action;

    @Column(name = "actor_subject")
    String actorSubject;

    @Column(name = "actor_name", length = 200)
    String actorName;

    @Column(name = "restored_from")
    Integer restoredFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    String snapshot;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ArticleRevision() {
    }
}
