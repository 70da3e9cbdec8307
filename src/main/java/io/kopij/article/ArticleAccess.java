package io.kopij.article;

import io.kopij.author.AuthorService;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.error.PermissionDeniedException;
import io.kopij.shared.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see and change which article: the rules of DESIGN.md's permission table that depend on the article
 * itself (its status, its authors), once for every service. Role checks that do not depend on the article are
 * {@code @RolesAllowed} on the service methods.
 */
@ApplicationScoped
public class ArticleAccess {

    private final ArticleRepository articles;
    private final CurrentUser caller;
    private final AuthorService authors;

    ArticleAccess(ArticleRepository articles, CurrentUser caller, AuthorService authors) {
        this.articles = articles;
        this.caller = caller;
        this.authors = authors;
    }

    /** Any status: for editorial actions whose role check already ran. */
    public Article load(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> new ArticleNotFoundException(id.toString()));
    }

    /** Not found unless the caller may see it: anonymous readers never learn that a draft exists. */
    public Article loadVisible(UUID id) {
        return articles.findByIdOptional(id).filter(this::canSee)
                .orElseThrow(() -> new ArticleNotFoundException(id.toString()));
    }

    /** Editors edit any article; authors their own while it is not published. */
    public Article loadForEdit(UUID id) {
        Article article = loadOwn(id, "Authors may edit only articles they co-author");
        if (!caller.isEditor() && article.status() != ArticleStatus.DRAFT && article.status() != ArticleStatus.SCHEDULED) {
            throw new PermissionDeniedException("Authors may edit their articles only while they are not published; "
                    + "this one is " + article.status().wireName());
        }
        return article;
    }

    /** An article the caller may see and, unless an editor, co-authors (previews, revisions). */
    public Article loadOwn(UUID id, String refusal) {
        Article article = loadVisible(id);
        if (!caller.isEditor() && !isOwn(article)) {
            throw new PermissionDeniedException(refusal);
        }
        return article;
    }

    public boolean canSee(Article article) {
        if (article.isPublished() || caller.isEditor()) {
            return true;
        }
        return caller.isEditorial() && isOwn(article);
    }

    /** Readers see only published "lees ook" links; editorial callers see every link they could open. */
    public boolean canSeeAsRelated(Article related) {
        return related.isPublished() || (caller.isEditorial() && canSee(related));
    }

    public boolean isOwn(Article article) {
        return authors.profileIdOfCaller()
                .map(profile -> article.authors.stream().anyMatch(a -> a.id().equals(profile)))
                .orElse(false);
    }

    /**
     * Whether the caller may list articles of these statuses, and how far: empty when without limit, or the author
     * profile whose unpublished articles an author may see (none without a profile).
     */
    public Optional<UUID> listRestriction(Set<ArticleStatus> statuses) {
        if (statuses.equals(Set.of(ArticleStatus.PUBLISHED))) {
            return Optional.empty();
        }
        if (caller.isAnonymous()) {
            throw new KopijException(401, "auth.unauthorized", "Unauthorized",
                    "Sign in to list articles that are not published");
        }
        if (!caller.isEditorial()) {
            throw new PermissionDeniedException("Only authors, editors and admins can list unpublished articles");
        }
        if (caller.isEditor()) {
            return Optional.empty();
        }
        return Optional.of(authors.profileIdOfCaller().orElse(new UUID(0, 0)));
    }
}
