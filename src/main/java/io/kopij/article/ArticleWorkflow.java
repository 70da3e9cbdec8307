package io.kopij.article;

import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.security.Actor;
import io.kopij.shared.security.Roles;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The editorial workflow: draft → scheduled → published → archived, and back to draft by unpublish. The
 * transitions themselves (which are allowed, what they set) are the {@link Article}'s; this service checks the
 * caller and the version, and stores each transition as a change.
 */
@ApplicationScoped
public class ArticleWorkflow {

    private final ArticleAccess access;
    private final ArticleChanges changes;
    private final ArticleImages images;

    ArticleWorkflow(ArticleAccess access, ArticleChanges changes, ArticleImages images) {
        this.access = access;
        this.changes = changes;
        this.images = images;
    }

    /** Publishes now, or schedules when {@code at} is in the future (the scheduler publishes it then). */
    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public ArticleView publish(UUID id, String ifMatch, Instant at) {
        Timestamps.require(at, "at");
        return transition(id, ifMatch, article -> {
            Instant now = AuditedEntity.now();
            if (at != null && at.isAfter(now)) {
                article.schedule(at.truncatedTo(ChronoUnit.MICROS));
                images.requireAlt(article); // checked after the transition's own rules (409 first)
                return "schedule";
            }
            article.publish(now);
            images.requireAlt(article);
            return "publish";
        });
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public ArticleView unpublish(UUID id, String ifMatch) {
        return transition(id, ifMatch, "unpublish", Article::unpublish);
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public ArticleView archive(UUID id, String ifMatch) {
        return transition(id, ifMatch, "archive", Article::archive);
    }

    /**
     * Publishes a scheduled article whose time has come. Called by the scheduler inside a transaction that holds
     * the article's row lock (FOR UPDATE SKIP LOCKED), which is what makes publication happen exactly once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishDue(UUID id, Instant now) {
        Article article = access.load(id);
        if (article.status() != ArticleStatus.SCHEDULED || article.scheduledAt == null || article.scheduledAt.isAfter(now)) {
            return; // changed since it was selected: unpublished or rescheduled
        }
        // The embargo time is the publication time, even if the scheduler runs a few seconds later.
        article.publish(article.scheduledAt);
        changes.savedBy(article, "publish", Actor.SCHEDULER);
    }

    private ArticleView transition(UUID id, String ifMatch, String action, Consumer<Article> change) {
        return transition(id, ifMatch, article -> {
            change.accept(article);
            return action;
        });
    }

    /** Applies a transition to an article of the version the caller read; {@code change} names the action. */
    private ArticleView transition(UUID id, String ifMatch, Function<Article, String> change) {
        Article article = access.load(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        return changes.saved(article, change.apply(article));
    }
}
