package io.kopij.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.article.Article;
import io.kopij.article.ArticleStatus;
import io.kopij.article.revision.RevisionSnapshot;
import io.kopij.author.Author;
import io.kopij.event.outbox.FanOut;
import io.kopij.event.outbox.NewEvent;
import io.kopij.event.outbox.OutboxWriter;
import io.kopij.event.outbox.PendingEvents;
import io.kopij.media.AssetChanged;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.persistence.ChangeKind;
import io.kopij.tag.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * What content features call when they change something: one call per write, inside the writing transaction. The
 * events are collected per transaction and written to the outbox with one INSERT just before the commit (see
 * {@link PendingEvents}), so a write and its events commit together or not at all, and a transaction that creates
 * a tag, an author profile and an article still costs one outbox statement. Nothing here knows who consumes the
 * events (webhooks, sync, live streams): they read the outbox.
 */
@ApplicationScoped
public class ChangeEvents {

    private static final Object KEY = ChangeEvents.class;
    private static final Map<String, String> ARTICLE_TYPES = Map.of(
            "create", "article.created", "update", "article.updated", "related", "article.updated",
            "restore", "article.updated", "tag-deleted", "article.updated", "related-deleted", "article.updated", "publish", "article.published", "schedule", "article.scheduled",
            "unpublish", "article.unpublished", "archive", "article.archived");
    private static final Set<String> WORKFLOW = Set.of("article.published", "article.scheduled",
            "article.unpublished", "article.archived");

    private final TransactionSynchronizationRegistry transactions;
    private final TransactionManager transactionManager;
    private final DataSource dataSource;
    private final EntityManager em;
    private final OutboxWriter writer;
    private final ArticleUrls urls;
    private final ObjectMapper json;

    ChangeEvents(TransactionSynchronizationRegistry transactions, TransactionManager transactionManager,
            DataSource dataSource, EntityManager em, OutboxWriter writer, ArticleUrls urls,
            ObjectMapper json) {
        this.transactions = transactions;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.em = em;
        this.writer = writer;
        this.urls = urls;
        this.json = json;
    }

    /**
     * An article was written; call after its revision is recorded. {@code action} is the revision action (create,
     * update, related, restore, publish, schedule, unpublish, archive); {@code changed} comes from comparing this
     * revision with the one before.
     */
    public void articleChanged(Article article, String action, RevisionSnapshot before, RevisionSnapshot after) {
        String type = ARTICLE_TYPES.get(action);
        if (type == null) {
            throw new IllegalArgumentException("Unknown article action " + action);
        }
        List<String> changed = before == null ? ChangedFields.present(json, after) : ChangedFields.between(json, before, after);
        NewEvent event = articleEvent(type, article.id(), article.version(), before, after, changed);
        pending().add(() -> event);
    }

    /** An article is about to be deleted; call before the delete. */
    public void articleDeleted(Article article, RevisionSnapshot last) {
        NewEvent event = articleEvent("article.deleted", article.id(), article.version(), last, last, List.of());
        pending().add(() -> event);
    }

    /** An author was created, is about to be flushed with changes (call before the flush), or is about to be deleted. */
    public void authorChanged(Author author, ChangeKind change) {
        List<String> changed = changes(author, change, Map.of("slug", "slug", "name", "name", "bio", "bio",
                "avatarUrl", "avatarUrl", "email", "email"));
        pending().add(() -> simpleEvent("author." + suffix(change), author, changed));
        if (change == ChangeKind.UPDATED && (changed.contains("name") || changed.contains("slug"))) {
            pending().add(new FanOut("authors", author.id(), null, List.of()));
        }
    }

    /** A tag was created, is about to be flushed with changes (call before the flush), or is about to be deleted. */
    public void tagChanged(Tag tag, ChangeKind change) {
        List<String> changed = changes(tag, change, Map.of("slug", "slug", "name", "name", "description", "description"));
        pending().add(() -> simpleEvent("tag." + suffix(change), tag, changed));
        if (change == ChangeKind.UPDATED && (changed.contains("name") || changed.contains("slug"))) {
            String formerSlug = (String) loadedValue(tag, "slug");
            pending().add(new FanOut("tags", tag.id(), null,
                    formerSlug == null || formerSlug.equals(tag.slug()) ? List.of() : List.of(formerSlug)));
        }
        // A deleted tag leaves its articles as changes of those articles (revision action tag-deleted), which
        // arrive here as article.updated events of their own.
    }

    /**
     * An asset was uploaded (new bytes only), had its metadata changed, or is about to be deleted: {@code
     * asset.created}, {@code asset.updated}, {@code asset.deleted} with mimeType, sha256 and the changed fields.
     * Never public (sync and the live streams carry published articles only); webhooks receive them.
     */
    public void assetChanged(AssetChanged change) {
        ObjectNode data = json.createObjectNode();
        data.put("id", change.assetId().toString());
        data.put("version", change.version());
        data.put("mimeType", change.mimeType());
        data.put("sha256", change.sha256());
        data.set("changed", json.valueToTree(change.changed()));
        NewEvent event = new NewEvent(UUID.randomUUID(), change.kind().eventType(), change.assetId(), false,
                List.of(), List.of(), data);
        pending().add(() -> event);
    }

    private static String suffix(ChangeKind change) {
        return change.name().toLowerCase(Locale.ROOT);
    }

    private NewEvent articleEvent(String type, UUID id, long version,
            RevisionSnapshot before, RevisionSnapshot after, List<String> changed) {
        ObjectNode data = json.createObjectNode();
        data.put("id", id.toString());
        data.put("slug", after.slug());
        data.put("version", version);
        data.put("status", after.status().wireName());
        data.put("language", after.language());
        String primaryTag = after.tags() == null || after.tags().isEmpty() ? null : after.tags().get(0).slug();
        data.put("primaryTag", primaryTag);
        data.put("url", urls.of(id, after.slug(), after.language(), primaryTag,
                after.seo() == null ? null : after.seo().canonicalUrl()).orElse(null));
        data.set("changed", json.valueToTree(changed));
        if (WORKFLOW.contains(type)) {
            data.put("publishedAt", after.publishedAt() == null ? null : after.publishedAt().toString());
            data.put("scheduledAt", after.scheduledAt() == null ? null : after.scheduledAt().toString());
        }
        boolean wasPublic = before != null && before.status() == ArticleStatus.PUBLISHED;
        boolean isPublic = !type.equals("article.deleted") && after.status() == ArticleStatus.PUBLISHED;
        Set<String> tags = new LinkedHashSet<>(ChangedFields.tagSlugs(after));
        Set<String> languages = new LinkedHashSet<>(List.of(after.language()));
        if (before != null) {
            tags.addAll(ChangedFields.tagSlugs(before));
            languages.add(before.language());
        }
        return new NewEvent(UUID.randomUUID(), type, id, wasPublic || isPublic, List.copyOf(tags),
                List.copyOf(languages), data);
    }

    private NewEvent simpleEvent(String type, AuditedEntity entity, List<String> changed) {
        ObjectNode data = json.createObjectNode();
        data.put("id", entity.id().toString());
        data.put("slug", entity instanceof Tag tag ? tag.slug() : ((Author) entity).slug());
        data.put("version", entity.version());
        data.set("changed", json.valueToTree(changed));
        return new NewEvent(UUID.randomUUID(), type, entity.id(), false, List.of(), List.of(), data);
    }

    /**
     * The fields that differ between the state Hibernate loaded (or last flushed) and now; every field that has a
     * value for a creation, none for a deletion.
     */
    private List<String> changes(AuditedEntity entity, ChangeKind change, Map<String, String> fields) {
        if (change == ChangeKind.DELETED) {
            return List.of();
        }
        EntityEntry entry = entry(entity);
        List<String> changed = new ArrayList<>();
        String[] names = entry == null ? new String[0] : entry.getPersister().getPropertyNames();
        Object[] current = entry == null ? new Object[0] : entry.getPersister().getValues(entity);
        Object[] loaded = entry == null ? null : entry.getLoadedState();
        for (int i = 0; i < names.length; i++) {
            String field = fields.get(names[i]);
            if (field == null) {
                continue;
            }
            boolean differs = change == ChangeKind.CREATED || loaded == null
                    ? current[i] != null : !Objects.equals(loaded[i], current[i]);
            if (differs) {
                changed.add(field);
            }
        }
        changed.sort(null);
        return changed;
    }

    private Object loadedValue(AuditedEntity entity, String property) {
        EntityEntry entry = entry(entity);
        if (entry == null || entry.getLoadedState() == null) {
            return null;
        }
        String[] names = entry.getPersister().getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(property)) {
                return entry.getLoadedState()[i];
            }
        }
        return null;
    }

    private EntityEntry entry(Object entity) {
        return em.unwrap(SessionImplementor.class).getPersistenceContextInternal().getEntry(entity);
    }

    /**
     * This transaction's collector, registered with the transaction on first use. A transaction marked for rollback
     * will not commit: its events need not be written, and registering would fail.
     */
    private PendingEvents pending() {
        PendingEvents pending = (PendingEvents) transactions.getResource(KEY);
        if (pending == null) {
            pending = new PendingEvents(em.unwrap(Session.class), dataSource, writer);
            try {
                transactionManager.getTransaction().registerSynchronization(pending);
            } catch (RollbackException e) {
                // Marked for rollback: it will not commit, so there is nothing to write; collect and drop.
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
            transactions.putResource(KEY, pending);
        }
        return pending;
    }
}
