package io.kopij.article.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.article.ArticleAccess;
import io.kopij.shared.error.ResourceNotFoundException;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.security.Actor;
import io.kopij.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * Article revisions: stored with every write (by ArticleChanges), listed, compared and read back for a restore.
 * Numbers are consecutive per article: the article row is updated (and so locked) in the same transaction before
 * a revision is added, so concurrent writers cannot take the same number. Editors read every article's revisions,
 * authors those of their own articles.
 */
@ApplicationScoped
public class RevisionService {

    private static final String OWN_ONLY = "Authors may read the revisions of their own articles only";

    private final EntityManager em;
    private final ObjectMapper json;
    private final ArticleAccess access;

    RevisionService(EntityManager em, ObjectMapper json, ArticleAccess access) {
        this.em = em;
        this.json = json;
        this.access = access;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int record(UUID articleId, long version, String action, Actor actor, RevisionSnapshot snapshot,
            Integer restoredFrom) {
        Integer last = em.createQuery("select max(r.number) from ArticleRevision r where r.articleId = :id", Integer.class)
                .setParameter("id", articleId).getSingleResult();
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = articleId;
        revision.number = last == null ? 1 : last + 1;
        revision.version = version;
        revision.action = action;
        revision.actorSubject = actor.subject();
        revision.actorName = actor.name();
        revision.restoredFrom = restoredFrom;
        revision.snapshot = write(snapshot);
        revision.createdAt = AuditedEntity.now();
        em.persist(revision);
        return revision.number;
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public Page<RevisionSummary> list(UUID articleId, PageRequest page) {
        access.loadOwn(articleId, OWN_ONLY);
        long total = em.createQuery("select count(r) from ArticleRevision r where r.articleId = :id", Long.class)
                .setParameter("id", articleId).getSingleResult();
        List<ArticleRevision> rows = em.createQuery(
                        "select r from ArticleRevision r where r.articleId = :id order by r.number desc", ArticleRevision.class)
                .setParameter("id", articleId)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        return new Page<>(rows.stream().map(RevisionService::summary).toList(),
                new Page.PageInfo(page.limit(), null, total));
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public RevisionView get(UUID articleId, int number) {
        access.loadOwn(articleId, OWN_ONLY);
        ArticleRevision revision = load(articleId, number);
        return new RevisionView(articleId, revision.number, revision.version, revision.action,
                new Actor(revision.actorSubject, revision.actorName), revision.createdAt, revision.restoredFrom,
                read(revision.snapshot));
    }

    /** Field-level differences from revision {@code from} to revision {@code to}. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public RevisionDiff diff(UUID articleId, int from, int to) {
        access.loadOwn(articleId, OWN_ONLY);
        JsonNode before = json.valueToTree(read(load(articleId, from).snapshot));
        JsonNode after = json.valueToTree(read(load(articleId, to).snapshot));
        Set<String> fields = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<RevisionDiff.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = before.get(field);
            JsonNode b = after.get(field);
            if (a == null ? b != null && !b.isNull() : !a.equals(b)) {
                changes.add(new RevisionDiff.FieldChange(field, text(a), text(b)));
            }
        }
        return new RevisionDiff(from, to, changes);
    }

    /** The newest stored state of an article (empty before its first revision), for change notifications. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RevisionSnapshot> latestSnapshot(UUID articleId) {
        return em.createQuery("select r.snapshot from ArticleRevision r where r.articleId = :id order by r.number desc",
                        String.class)
                .setParameter("id", articleId).setMaxResults(1).getResultStream().findFirst().map(this::read);
    }

    /** The stored state of a revision, for a restore (whose caller checks the permissions). */
    @Transactional(Transactional.TxType.MANDATORY)
    public RevisionSnapshot snapshot(UUID articleId, int number) {
        return read(load(articleId, number).snapshot);
    }

    private ArticleRevision load(UUID articleId, int number) {
        List<ArticleRevision> found = em.createQuery(
                        "select r from ArticleRevision r where r.articleId = :id and r.number = :n", ArticleRevision.class)
                .setParameter("id", articleId).setParameter("n", number).getResultList();
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("revision.not-found", "Article " + articleId + " has no revision " + number);
        }
        return found.get(0);
    }

    private static RevisionSummary summary(ArticleRevision r) {
        return new RevisionSummary(r.number, r.version, r.action, new Actor(r.actorSubject, r.actorName), r.createdAt,
                r.restoredFrom);
    }

    private String write(RevisionSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lenient: snapshots written by older versions of Kopij may carry fields that no longer exist. */
    private RevisionSnapshot read(String snapshot) {
        try {
            return json.readerFor(RevisionSnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }
}
