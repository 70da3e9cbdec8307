package io.kopij.event.webhook;

import io.kopij.shared.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered endpoint. Its secret never leaves the service except in the answers to create and rotate. */
@Entity
@Table(name = "webhook")
public class Webhook extends AuditedEntity {

    @Column(nullable = false, length = 2048)
    String url;

    @Column(length = 500)
    String description;

    /** Event types, exact ({@code article.published}) or wildcards ({@code article.*}, {@code *}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    List<String> events = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filter_tags", nullable = false, columnDefinition = "text[]")
    List<String> filterTags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filter_languages", nullable = false, columnDefinition = "text[]")
    List<String> filterLanguages = new ArrayList<>();

    @Column(nullable = false)
    boolean enabled = true;

    @Column(name = "disabled_reason", length = 500)
    String disabledReason;

    @Column(nullable = false, length = 200)
    String secret;

    @Column(name = "previous_secret", length = 200)
    String previousSecret;

    @Column(name = "previous_secret_expires_at")
    Instant previousSecretExpiresAt;

    @Column(name = "start_position", nullable = false)
    long startPosition;

    protected Webhook() {
    }

    Webhook(String secret, long startPosition) {
        this.secret = secret;
        this.startPosition = startPosition;
    }

    /** A new secret; the current one stays valid until {@code overlapUntil}. */
    void rotate(String newSecret, Instant overlapUntil) {
        previousSecret = secret;
        previousSecretExpiresAt = overlapUntil;
        secret = newSecret;
    }
}
