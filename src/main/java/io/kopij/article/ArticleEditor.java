package io.kopij.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.article.body.MarkdownRenderer;
import io.kopij.article.revision.RevisionService;
import io.kopij.article.revision.RevisionSnapshot;
import io.kopij.author.Author;
import io.kopij.author.AuthorService;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.PermissionDeniedException;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.persistence.NameLocks;
import io.kopij.shared.security.CurrentUser;
import io.kopij.shared.security.Roles;
import io.kopij.shared.text.Slugs;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.InputValidator;
import io.kopij.shared.web.MergePatcher;
import io.kopij.tag.TagDeleting;
import io.kopij.tag.TagService;
import io.kopij.tag.TagSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writing articles: create, replace, merge-patch, "lees ook" links, restore a revision, delete. Applies the
 * content rules (slugs and their history, rendering, authors, tags, related links) the same way for every write.
 * Status changes are {@link ArticleWorkflow}'s.
 */
@ApplicationScoped
public class ArticleEditor {

    private final ArticleRepository articles;
    private final ArticleAccess access;
    private final ArticleChanges changes;
    private final ArticleMapper mapper;
    private final AuthorService authors;
    private final TagService tags;
    private final MarkdownRenderer renderer;
    private final CurrentUser caller;
    private final InputValidator validator;
    private final MergePatcher patches;
    private final RevisionService revisions;
    private final NameLocks locks;
    private final ArticleImages images;

    ArticleEditor(ArticleRepository articles, ArticleAccess access, ArticleChanges changes, ArticleMapper mapper,
            AuthorService authors, TagService tags, MarkdownRenderer renderer, CurrentUser caller,
            InputValidator validator, MergePatcher patches, RevisionService revisions, NameLocks locks,
            ArticleImages images) {
        this.articles = articles;
        this.access = access;
        this.changes = changes;
        this.mapper = mapper;
        this.authors = authors;
        this.tags = tags;
        this.renderer = renderer;
        this.caller = caller;
        this.validator = validator;
        this.patches = patches;
        this.revisions = revisions;
        this.locks = locks;
        this.images = images;
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView create(@NotNull @Valid ArticleInput input) {
        Article article = new Article(null, input.title().trim());
        apply(article, input, true);
        return changes.created(article);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView replace(UUID id, String ifMatch, @NotNull @Valid ArticleInput input) {
        Article article = access.loadForEdit(id);
        ETags.requiredVersion(ifMatch, "article.version-conflict", article.version());
        apply(article, input, false);
        return changes.saved(article, "update");
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Article article = access.loadForEdit(id);
        ETags.requiredVersion(ifMatch, "article.version-conflict", article.version());
        apply(article, patches.apply(mapper.toInput(article), patch, ArticleInput.class), false);
        return changes.saved(article, "update");
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView setRelated(UUID id, String ifMatch, @NotNull @Size(max = 20) List<@NotNull UUID> ids) {
        Article article = access.loadForEdit(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        Article.replace(article.related, resolveRelated(article, ids, ""));
        return changes.saved(article, "related");
    }

    /** Makes the editable fields what they were at revision {@code number}; itself a new revision. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public ArticleView restore(UUID id, int number, String ifMatch) {
        Article article = access.loadForEdit(id);
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        RevisionSnapshot old = revisions.snapshot(id, number);
        // Links to articles and an image asset deleted since then are dropped; everything else must still resolve.
        List<UUID> related = old.related() == null ? List.of()
                : old.related().stream().filter(r -> articles.findByIdOptional(r).isPresent()).toList();
        ArticleImageInput image = images.restorable(old.image()) ? old.image() : null;
        ArticleInput input = new ArticleInput(old.title(), old.lead(), old.body(), old.language(), old.slug(),
                old.featured(), image, old.seo(),
                old.authors() == null ? null : old.authors().stream().map(a -> a.id().toString()).toList(),
                old.tags() == null ? null : old.tags().stream().map(TagSummary::name).toList(),
                related);
        apply(article, validator.validate(input), false);
        return changes.restored(article, number);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public void delete(UUID id, String ifMatch) {
        Article article = access.loadVisible(id);
        if (!caller.isEditor()) {
            if (!access.isOwn(article)) {
                throw new PermissionDeniedException("Authors may delete only their own articles");
            }
            if (article.status() != ArticleStatus.DRAFT || article.wasEverPublished()) {
                throw new PermissionDeniedException("Authors may delete only drafts that were never published");
            }
        }
        ETags.optionalVersion(ifMatch, "article.version-conflict", article.version());
        // Articles that link to it lose the link: a change to them, with a new version and a revision.
        for (Article linking : articles.linkingTo(article.id())) {
            linking.related.removeIf(related -> related.id().equals(article.id()));
            changes.savedAsConsequence(linking, "related-deleted");
        }
        changes.deleting(article);
        articles.delete(article);
    }

    /** A tag being deleted leaves every article that carries it, as a change of that article. */
    void onTagDeleting(@Observes TagDeleting event) {
        for (Article article : articles.withTag(event.tagId())) {
            article.tags.removeIf(tag -> tag.id().equals(event.tagId()));
            changes.savedAsConsequence(article, "tag-deleted");
        }
    }

    // ---- content rules -----------------------------------------------------------------------------------------

    private void apply(Article article, ArticleInput input, boolean creating) {
        String title = input.title().trim();
        applySlug(article, input.slug(), title, creating);
        article.title = title;
        article.lead = blankToNull(input.lead());
        article.setBody(renderer.render(input.body()));
        article.language = input.language() == null ? "nl" : input.language();
        article.featured = Boolean.TRUE.equals(input.featured());
        ArticleImageInput image = input.image();
        images.check(image);
        article.imageAssetId = image == null ? null : image.assetId();
        article.imageUrl = image == null || image.assetId() != null ? null : image.url().trim();
        article.imageAlt = image == null ? null : blankToNull(image.alt());
        article.imageCaption = image == null ? null : blankToNull(image.caption());
        if (article.status() == ArticleStatus.PUBLISHED || article.status() == ArticleStatus.SCHEDULED) {
            images.requireAlt(article); // what readers see (or soon will) keeps its alt text
        }
        ArticleSeo seo = input.seo();
        article.seoTitle = seo == null ? null : blankToNull(seo.title());
        article.seoDescription = seo == null ? null : blankToNull(seo.description());
        article.seoCanonicalUrl = seo == null ? null : blankToNull(seo.canonicalUrl());

        Article.replace(article.authors, resolveAuthors(input.authors()));
        Article.replace(article.tags,
                tags.resolve(input.tags() == null ? List.of() : input.tags(), caller.isEditor(), "tags"));
        Article.replace(article.related, resolveRelated(article, input.related() == null ? List.of() : input.related(),
                "related"));
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
        Map<UUID, Article> linked = new HashMap<>();
        article.related.forEach(existing -> linked.put(existing.id(), existing));
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String path = field.isEmpty() ? "[" + i + "]" : field + "[" + i + "]";
            if (id.equals(article.id())) {
                errors.add(new FieldError(path, "an article cannot be related to itself"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(path, "article listed twice"));
            } else if (linked.containsKey(id)) {
                // Kept as they are, also links to drafts the caller cannot see (an author's article may link to
                // an editor's draft): only new links must point at articles the caller can open.
                resolved.add(linked.get(id));
            } else {
                // Existence of articles the caller may not see does not leak: they are "not found" alike.
                Optional<Article> target = articles.findByIdOptional(id).filter(access::canSee);
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

    /** A new article gets a slug from its title; an existing one keeps its slug (stable URLs) unless given one. */
    private void applySlug(Article article, String requested, String title, boolean creating) {
        if (requested == null) {
            if (creating) {
                article.slug = Slugs.unique(Slugs.fromText(title), s -> slugTaken(s, article));
            }
            return;
        }
        if (requested.equals(article.slug)) {
            return;
        }
        if (slugTaken(requested, article)) {
            throw new ConflictException("article.slug-taken", "Slug taken",
                    "Another article has or had the slug " + requested);
        }
        if (!creating && article.wasEverPublished()) {
            articles.rememberOldSlug(article.slug, article.id(), AuditedEntity.now());
        }
        articles.forgetOldSlug(requested, article.id());
        article.slug = requested;
    }

    /** Taken by another article; claims the slug until commit, so concurrent writers cannot both take it. */
    private boolean slugTaken(String slug, Article article) {
        locks.lock("article-slug", slug);
        return articles.slugTaken(slug, article.id());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
