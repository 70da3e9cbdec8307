package io.kopij.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.article.revision.RevisionDiff;
import io.kopij.article.revision.RevisionService;
import io.kopij.article.revision.RevisionSnapshot;
import io.kopij.article.revision.RevisionSummary;
import io.kopij.article.revision.RevisionView;
import io.kopij.author.Author;
import io.kopij.author.AuthorService;
import io.kopij.event.ChangeEvents;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.ForbiddenException;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.security.Actor;
import io.kopij.shared.security.CurrentUser;
import io.kopij.shared.security.Roles;
import io.kopij.shared.text.MarkdownRenderer;
import io.kopij.shared.text.Slugs;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.InputValidator;
import io.kopij.shared.web.MergePatcher;
import io.kopij.tag.TagService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * Every rule about articles lives here, once, for REST and GraphQL alike: who may see and change what, slugs and
 * their history, body rendering, relations and status transitions.
 */
@ApplicationScoped
public class ArticleService {

    /** What a slug lookup found: the article, or the slug it now lives under (answer with a redirect). */
    public record SlugLookup(Optional<ArticleView> article, Optional<String> movedTo) {
    }

    /** Related articles shown with a full article. */
    static final int DETAIL_RELATED = 5;
    /** Most "lees ook" links an article can have (ArticleInput allows 20). */
    static final int MAX_RELATED_LINKS = 20;

    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final AuthorService authors;
    private final TagService tags;
    private final MarkdownRenderer renderer;
    private final CurrentUser caller;
    private final InputValidator validator;
    private final MergePatcher patches;
    private final RevisionService revisions;
    private final PreviewTokens previews;
    private final ArticleSearch search;
    private final ChangeEvents events;

    ArticleService(ArticleRepository articles, ArticleMapper mapper, AuthorService authors, TagService tags,
            MarkdownRenderer renderer, CurrentUser caller, InputValidator validator, MergePatcher patches,
            RevisionService revisions, PreviewTokens previews, ArticleSearch search, ChangeEvents events) {
        this.events = events;
        this.search = search;
        this.revisions = revisions;
        this.previews = previews;
        this.articles = articles;
        this.mapper = mapper;
        this.authors = authors;
        this.tags = tags;
        this.renderer = renderer;
        this.caller = caller;
        this.validator = validator;
        this.patches = patches;
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Transactional
    public Page<ArticleSummary> list(ArticleQuery query, PageRequest page) {
        return search(query, page).mapEdges(e -> mapper.toSummary(e.node(), e.highlight())).toPage(page.limit());
    }

    /**
     * Full articles for GraphQL connections, without their "lees ook" links: those are loaded for the whole page at
     * once by {@link #relatedOf} when a query asks for them.
     */
    @Transactional
    public CursorPage<ArticleView> connection(ArticleQuery query, PageRequest page) {
        return search(query, page).map(article -> mapper.toView(article, List.of(), false));
    }

    /** The bodies of several articles, in one statement (GraphQL pages that ask for them). */
    @Transactional
    public Map<UUID, ArticleBody> bodiesOf(List<UUID> articleIds) {
        Map<UUID, ArticleBody> bodies = new HashMap<>();
        if (!articleIds.isEmpty()) {
            articles.getEntityManager().createQuery("select a.id, a.bodyMarkdown, a.bodyHtml, a.bodyText "
                            + "from Article a where a.id in :ids", Object[].class)
                    .setParameter("ids", articleIds).getResultList()
                    .forEach(row -> bodies.put((UUID) row[0], new ArticleBody((String) row[1], (String) row[2], (String) row[3])));
        }
        return bodies;
    }

    /**
     * Related articles of several articles at once (GraphQL pages): manual links, then tag neighbours, with a
     * fixed number of statements whatever the number of articles.
     */
    @Transactional
    public Map<UUID, List<RelatedArticleView>> relatedOf(List<UUID> articleIds, int first) {
        Map<UUID, List<Article>> manual = articles.relatedOf(articleIds);
        Map<UUID, List<UUID>> neighbours = articles.tagNeighbours(articleIds, first + MAX_RELATED_LINKS);
        Map<UUID, Article> neighbourArticles = new HashMap<>();
        List<UUID> neighbourIds = neighbours.values().stream().flatMap(List::stream).distinct().toList();
        if (!neighbourIds.isEmpty()) {
            articles.list("id in ?1", neighbourIds).forEach(a -> neighbourArticles.put(a.id(), a));
        }
        Map<UUID, List<RelatedArticleView>> result = new HashMap<>();
        for (UUID id : articleIds) {
            List<RelatedArticleView> related = new ArrayList<>();
            Set<UUID> seen = new HashSet<>(Set.of(id));
            for (Article link : manual.getOrDefault(id, List.of())) {
                if (related.size() < first && canSeeAsRelated(link) && seen.add(link.id())) {
                    related.add(mapper.toRelated(link, "manual"));
                }
            }
            for (UUID candidate : neighbours.getOrDefault(id, List.of())) {
                Article article = neighbourArticles.get(candidate);
                if (related.size() < first && article != null && article.isPublished() && seen.add(candidate)) {
                    related.add(mapper.toRelated(article, "tags"));
                }
            }
            result.put(id, related);
        }
        return result;
    }

    /**
     * Published articles by id, in full as the detail endpoint shows them to anonymous readers, in a fixed number of
     * statements whatever their number (for other features, e.g. delta sync). Ids that are not published are absent.
     */
    @Transactional
    public Map<UUID, ArticleView> publishedViews(List<UUID> ids) {
        Map<UUID, ArticleView> views = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        List<Article> found = articles.list("id in ?1 and status = ?2", ids, ArticleStatus.PUBLISHED);
        // Authors and tags now, one batch each, before the queries below load other articles.
        found.forEach(article -> Hibernate.initialize(article.authors));
        found.forEach(article -> Hibernate.initialize(article.tags));
        List<UUID> foundIds = found.stream().map(Article::id).toList();
        Map<UUID, ArticleBody> bodies = bodiesOf(foundIds);
        Map<UUID, List<RelatedArticleView>> related = relatedOf(foundIds, DETAIL_RELATED);
        for (Article article : found) {
            views.put(article.id(), mapper.toView(article, related.getOrDefault(article.id(), List.of()),
                    bodies.get(article.id())));
        }
        return views;
    }

    private CursorPage<Article> search(ArticleQuery query, PageRequest page) {
        boolean wantsUnpublished = !query.statuses().equals(Set.of(ArticleStatus.PUBLISHED));
        Optional<UUID> ownArticlesOf = Optional.empty();
        if (wantsUnpublished) {
            if (caller.isAnonymous()) {
                throw new KopijException(401, "auth.unauthorized", "Unauthorized",
                        "Sign in to list articles that are not published");
            }
            if (!caller.isEditorial()) {
                throw new ForbiddenException("Only authors, editors and admins can list unpublished articles");
            }
            if (!caller.isEditor()) {
                // An author sees published articles and their own unpublished ones; with no profile, none of those.
                ownArticlesOf = Optional.of(authors.profileIdOfCaller().orElse(new UUID(0, 0)));
            }
        }
        if (query.text().isPresent()) {
            ArticleSearch.Result result = search.search(query, page, ownArticlesOf);
            Map<UUID, Article> found = new HashMap<>();
            if (!result.hits().isEmpty()) {
                articles.list("id in ?1", result.hits().stream().map(ArticleSearch.Hit::id).toList())
                        .forEach(a -> found.put(a.id(), a));
            }
            List<CursorPage.Edge<Article>> hits = result.hits().stream()
                    .filter(hit -> found.containsKey(hit.id()))
                    .map(hit -> new CursorPage.Edge<>(
                            ArticleSearch.cursorAfter(found.get(hit.id()), hit.rank(), query.sort()).encode(),
                            found.get(hit.id()), hit.highlight()))
                    .toList();
            return new CursorPage<>(hits, result.hasMore(), result.total());
        }
        ArticleRepository.Slice slice = articles.search(query, page, ownArticlesOf);
        List<CursorPage.Edge<Article>> edges = slice.rows().stream()
                .map(row -> new CursorPage.Edge<>(ArticleRepository.cursorAfter(row, query.sort()).encode(), row))
                .toList();
        return new CursorPage<>(edges, slice.hasMore(), slice.total());
    }

    @Transactional
    public ArticleView get(UUID id) {
        return view(loadVisible(id));
    }

    /**
     * Related articles of an article the caller may see: its "lees ook" links first, in the editors' order and as far
     * as the caller may see them, then the published articles sharing most tags with it (ties: newest first).
     */
    @Transactional
    public List<RelatedArticleView> related(UUID id, int limit) {
        Article article = loadVisible(id);
        return relatedOf(List.of(article.id()), limit).getOrDefault(article.id(), List.of());
    }

    /** By current slug; an old slug of an article the caller may see answers where it moved to. */
    @Transactional
    public SlugLookup getBySlug(String slug) {
        Optional<Article> current = articles.findBySlug(slug).filter(this::canSee);
        if (current.isPresent()) {
            return new SlugLookup(Optional.of(view(current.get())), Optional.empty());
        }
        Optional<Article> moved = articles.findIdByOldSlug(slug).flatMap(articles::findByIdOptional)
                .filter(this::canSee);
        if (moved.isPresent()) {
            return new SlugLookup(Optional.empty(), Optional.of(moved.get().slug()));
        }
        throw new ArticleNotFoundException("with slug " + slug);
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView create(@NotNull @Valid ArticleInput input) {
        Article article = new Article(null, input.title().trim());
        applyInput(article, input, true);
        articles.persist(article);
        articles.flush();
        record(article, "create", null);
        return view(article);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView replace(UUID id, String ifMatch, @NotNull @Valid ArticleInput input) {
        Article article = loadForEdit(id);
        ETags.requiredVersion(ifMatch, "article.version-conflict", article.version());
        applyInput(article, input, false);
        return saved(article, "update");
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Article article = loadForEdit(id);
        ETags.requiredVersion(ifMatch, "article.version-conflict", article.version());
        applyInput(article, patches.apply(mapper.toInput(article), patch, ArticleInput.class), false);
        return saved(article, "update");
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView setRelated(UUID id, String ifMatch, @NotNull @Size(max = 20) List<@NotNull UUID> ids) {
        Article article = loadForEdit(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        article.replaceRelated(resolveRelated(article, ids, ""));
        return saved(article, "related");
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public void delete(UUID id, String ifMatch) {
        Article article = loadVisible(id);
        if (!caller.isEditor()) {
            if (!isOwn(article)) {
                throw new ForbiddenException("Authors may delete only their own articles");
            }
            if (article.status() != ArticleStatus.DRAFT || article.wasEverPublished()) {
                throw new ForbiddenException("Authors may delete only drafts that were never published");
            }
        }
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        events.articleDeleted(article);
        articles.delete(article);
    }

    /** Publishes now, or schedules when {@code at} is in the future (the scheduler publishes it then). */
    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public ArticleView publish(UUID id, String ifMatch, Instant at) {
        Article article = load(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        Instant now = AuditedEntity.now();
        if (at != null && at.isAfter(now)) {
            article.schedule(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            return saved(article, "schedule");
        }
        article.publish(now);
        return saved(article, "publish");
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public ArticleView unpublish(UUID id, String ifMatch) {
        Article article = load(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        article.unpublish();
        return saved(article, "unpublish");
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public ArticleView archive(UUID id, String ifMatch) {
        Article article = load(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        article.archive();
        return saved(article, "archive");
    }

    /**
     * Publishes a scheduled article whose time has come. Called by the scheduler inside a transaction that holds
     * the article's row lock (FOR UPDATE SKIP LOCKED), which is what makes publication happen exactly once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishDue(UUID id, Instant now) {
        Article article = load(id);
        if (article.status() != ArticleStatus.SCHEDULED || article.scheduledAt == null || article.scheduledAt.isAfter(now)) {
            return; // changed since it was selected: unpublished or rescheduled
        }
        // The embargo time is the publication time, even if the scheduler runs a few seconds later.
        article.publish(article.scheduledAt);
        article.touch();
        articles.flush();
        revisions.record(article.id(), article.version(), "publish", Actor.SCHEDULER, snapshot(article), null);
        events.articleChanged(article, "publish");
    }

    // ---- draft preview -----------------------------------------------------------------------------------------

    /** A preview token for one article: for editors, and for the article's own authors. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public PreviewToken previewToken(UUID id) {
        Article article = loadVisible(id);
        if (!caller.isEditor() && !isOwn(article)) {
            throw new ForbiddenException("Authors may preview only their own articles");
        }
        return previews.mint(article.id());
    }

    /** Reads an article of any status with a valid preview token for it, without a signed-in user. */
    @Transactional
    public ArticleView preview(UUID id, String token) {
        previews.verify(token, id);
        return view(load(id));
    }

    // ---- revisions ---------------------------------------------------------------------------------------------

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public Page<RevisionSummary> revisions(UUID id, PageRequest page) {
        return revisions.list(loadForRevisions(id).id(), page);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public RevisionView revision(UUID id, int number) {
        return revisions.get(loadForRevisions(id).id(), number);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public RevisionDiff diff(UUID id, int from, int to) {
        return revisions.diff(loadForRevisions(id).id(), from, to);
    }

    /** Makes the editable fields what they were at revision {@code number}; itself a new revision. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView restore(UUID id, int number, String ifMatch) {
        Article article = loadForEdit(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        RevisionSnapshot old = revisions.get(id, number).snapshot();
        // Links to articles deleted since then are dropped; everything else must still resolve.
        List<UUID> related = old.related() == null ? List.of()
                : old.related().stream().filter(r -> articles.findByIdOptional(r).isPresent()).toList();
        ArticleInput input = new ArticleInput(old.title(), old.lead(), old.body(), old.language(), old.slug(),
                old.featured(), old.image(), old.seo(),
                old.authors() == null ? null : old.authors().stream().map(a -> a.id().toString()).toList(),
                old.tags() == null ? null : old.tags().stream().map(io.kopij.tag.TagSummary::name).toList(),
                related);
        applyInput(article, validator.validate(input), false);
        return saved(article, "restore", number);
    }

    private Article loadForRevisions(UUID id) {
        Article article = loadVisible(id);
        if (!caller.isEditor() && !isOwn(article)) {
            throw new ForbiddenException("Authors may read the revisions of their own articles only");
        }
        return article;
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    private void applyInput(Article article, ArticleInput input, boolean creating) {
        String title = input.title().trim();
        applySlug(article, input.slug(), title, creating);
        article.title = title;
        article.lead = blankToNull(input.lead());
        article.setBody(renderer.render(input.body()));
        article.language = input.language() == null ? "nl" : input.language();
        article.featured = Boolean.TRUE.equals(input.featured());
        ArticleImage image = input.image();
        article.imageUrl = image == null ? null : image.url().trim();
        article.imageAlt = image == null ? null : blankToNull(image.alt());
        article.imageCaption = image == null ? null : blankToNull(image.caption());
        ArticleSeo seo = input.seo();
        article.seoTitle = seo == null ? null : blankToNull(seo.title());
        article.seoDescription = seo == null ? null : blankToNull(seo.description());
        article.seoCanonicalUrl = seo == null ? null : blankToNull(seo.canonicalUrl());

        List<Author> resolvedAuthors = resolveAuthors(input.authors());
        if (!sameIds(article.authors, resolvedAuthors)) {
            article.replaceAuthors(resolvedAuthors);
        }
        var resolvedTags = tags.resolve(input.tags() == null ? List.of() : input.tags(), caller.isEditor(), "tags");
        if (!sameIds(article.tags, resolvedTags)) {
            article.replaceTags(resolvedTags);
        }
        var resolvedRelated = resolveRelated(article, input.related() == null ? List.of() : input.related(), "related");
        if (!sameIds(article.related, resolvedRelated)) {
            article.replaceRelated(resolvedRelated);
        }
    }

    /**
     * Authors as given, or the caller's own profile when none are given. An author (not an editor) is always
     * among the authors of what they write: they cannot hand an article to someone else and lose access to it.
     */
    private List<Author> resolveAuthors(List<String> references) {
        if (references == null || references.isEmpty()) {
            return List.of(authors.profileOfCaller());
        }
        List<Author> resolved = authors.resolve(references, "authors");
        if (!caller.isEditor()) {
            Author own = authors.profileOfCaller();
            if (!resolved.contains(own)) {
                throw new UnprocessableException("article.author-required", "You must stay an author",
                        List.of(new FieldError("authors", "must include your own author profile (" + own.slug() + ")")));
            }
        }
        return resolved;
    }

    private List<Article> resolveRelated(Article article, List<UUID> ids, String field) {
        List<Article> resolved = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String path = field.isEmpty() ? "[" + i + "]" : field + "[" + i + "]";
            if (id.equals(article.id())) {
                errors.add(new FieldError(path, "an article cannot be related to itself"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(path, "article listed twice"));
            } else {
                // Existence of articles the caller may not see does not leak: they are "not found" alike.
                Optional<Article> target = articles.findByIdOptional(id).filter(this::canSee);
                if (target.isEmpty()) {
                    errors.add(new FieldError(path, "no article with id " + id));
                } else {
                    resolved.add(target.get());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("article.invalid-related", "Some related articles cannot be linked", errors);
        }
        return resolved;
    }

    private void applySlug(Article article, String requested, String title, boolean creating) {
        if (requested == null) {
            if (creating) {
                article.slug = Slugs.unique(Slugs.fromText(title), s -> articles.slugTaken(s, article.id()));
            }
            return; // an existing article keeps its slug (stable URLs) unless a new one is asked for
        }
        if (requested.equals(article.slug)) {
            return;
        }
        if (articles.slugTaken(requested, article.id())) {
            throw new ConflictException("article.slug-taken", "Slug taken",
                    "Another article has or had the slug " + requested);
        }
        if (!creating && article.wasEverPublished()) {
            articles.rememberOldSlug(article.slug, article.id(), AuditedEntity.now());
        }
        articles.forgetOldSlug(requested, article.id());
        article.slug = requested;
    }

    private ArticleView saved(Article article, String action) {
        return saved(article, action, null);
    }

    /**
     * Flushes the change (the version check happens here: a concurrent writer that got there first makes this a
     * 412) and stores the revision in the same transaction.
     */
    private ArticleView saved(Article article, String action, Integer restoredFrom) {
        article.touch();
        long before = article.version();
        try {
            articles.flush();
        } catch (jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException e) {
            throw io.kopij.shared.error.PreconditionException.stale("article.version-conflict", before + 1);
        }
        record(article, action, restoredFrom);
        return view(article);
    }

    private void record(Article article, String action, Integer restoredFrom) {
        revisions.record(article.id(), article.version(), action, actor(), snapshot(article), restoredFrom);
        events.articleChanged(article, action);
    }

    private Actor actor() {
        return new Actor(caller.subject().orElse(null), caller.displayName().orElse(null));
    }

    private RevisionSnapshot snapshot(Article article) {
        ArticleInput input = mapper.toInput(article);
        return new RevisionSnapshot(input.title(), input.lead(), input.body(), input.language(), input.slug(),
                Boolean.TRUE.equals(input.featured()), input.image(), input.seo(),
                article.authors.stream().map(io.kopij.author.AuthorSummary::of).toList(),
                article.tags.stream().map(io.kopij.tag.TagSummary::of).toList(),
                article.related.stream().map(Article::id).toList(),
                article.status, article.publishedAt, article.scheduledAt);
    }

    /** A full article with its related articles (manual links, then tag neighbours). */
    private ArticleView view(Article article) {
        List<RelatedArticleView> related = relatedOf(List.of(article.id()), DETAIL_RELATED).getOrDefault(article.id(), List.of());
        return mapper.toView(article, related);
    }

    private Article load(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> new ArticleNotFoundException(id.toString()));
    }

    /** Not found unless the caller may see it: anonymous readers never learn that a draft exists. */
    private Article loadVisible(UUID id) {
        return articles.findByIdOptional(id).filter(this::canSee)
                .orElseThrow(() -> new ArticleNotFoundException(id.toString()));
    }

    private Article loadForEdit(UUID id) {
        Article article = loadVisible(id);
        if (caller.isEditor()) {
            return article;
        }
        if (!isOwn(article)) {
            throw new ForbiddenException("Authors may edit only articles they co-author");
        }
        if (article.status() != ArticleStatus.DRAFT && article.status() != ArticleStatus.SCHEDULED) {
            throw new ForbiddenException("Authors may edit their articles only while they are not published; "
                    + "this one is " + article.status().wireName());
        }
        return article;
    }

    boolean canSee(Article article) {
        if (article.isPublished() || caller.isEditor()) {
            return true;
        }
        return caller.isEditorial() && isOwn(article);
    }

    /** Readers see only published "lees ook" links; editorial callers see every link they could open. */
    private boolean canSeeAsRelated(Article related) {
        return related.isPublished() || (caller.isEditorial() && canSee(related));
    }

    private boolean isOwn(Article article) {
        return authors.profileIdOfCaller()
                .map(profile -> article.authors.stream().anyMatch(a -> a.id().equals(profile)))
                .orElse(false);
    }

    private static boolean sameIds(List<? extends AuditedEntity> current, List<? extends AuditedEntity> wanted) {
        if (current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (!current.get(i).id().equals(wanted.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
