package io.kopij.author;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.PermissionDeniedException;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.NameOrderedPages;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.ChangeKind;
import io.kopij.shared.persistence.NameLocks;
import io.kopij.shared.persistence.VersionedWrites;
import io.kopij.shared.security.CurrentUser;
import io.kopij.shared.security.Roles;
import io.kopij.shared.text.Slugs;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.MergePatcher;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorService {

    private final AuthorRepository authors;
    private final AuthorMapper mapper;
    private final CurrentUser caller;
    private final MergePatcher patches;
    private final CallerProfile profile;
    private final NameLocks locks;
    private final Event<AuthorChange> changes;

    AuthorService(AuthorRepository authors, AuthorMapper mapper, CurrentUser caller, MergePatcher patches,
            CallerProfile profile, NameLocks locks, Event<AuthorChange> changes) {
        this.changes = changes;
        this.authors = authors;
        this.mapper = mapper;
        this.caller = caller;
        this.patches = patches;
        this.profile = profile;
        this.locks = locks;
    }

    @Transactional
    public Page<AuthorView> list(PageRequest request) {
        return page(request).toPage(request.limit());
    }

    /** Authors by name; each with the cursor that continues after it. */
    @Transactional
    public CursorPage<AuthorView> page(PageRequest request) {
        boolean showEmail = caller.isEditorial();
        return NameOrderedPages.page(authors.getEntityManager(), Author.class, Author::name, Author::id, request,
                authors.count()).map(author -> mapper.toView(author, showEmail));
    }

    /** Authors by id, in one statement: GraphQL's {@code Article.authors} over a whole page of articles. */
    @Transactional(TxType.SUPPORTS) // a read: no BEGIN/COMMIT round trips (see ArticleLists)
    public Map<UUID, AuthorView> viewsOf(Collection<UUID> ids) {
        Map<UUID, AuthorView> views = new HashMap<>();
        if (!ids.isEmpty()) {
            authors.views(ids, caller.isEditorial()).forEach(view -> views.put(view.id(), view));
        }
        return views;
    }

    @Transactional
    public AuthorView get(UUID id) {
        return mapper.toView(load(id), caller.isEditorial());
    }

    @Transactional
    public AuthorView getBySlug(String slug) {
        return mapper.toView(authors.findBySlug(slug).orElseThrow(() -> new AuthorNotFoundException("with slug " + slug)),
                caller.isEditorial());
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public AuthorView create(@NotNull @Valid AuthorInput input) {
        Author author = new Author(null, input.name().trim());
        apply(author, input);
        authors.persist(author);
        authors.flush();
        changes.fire(new AuthorChange(author, ChangeKind.CREATED));
        return mapper.toView(author, true);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public AuthorView replace(UUID id, String ifMatch, @NotNull @Valid AuthorInput input) {
        Author author = load(id);
        checkMayEdit(author);
        ETags.requiredVersion(ifMatch, "author.version-conflict", author.version());
        apply(author, input);
        changes.fire(new AuthorChange(author, ChangeKind.UPDATED));
        author.touch();
        VersionedWrites.flush(authors.getEntityManager(), "author.version-conflict", author.version());
        return mapper.toView(author, true);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public AuthorView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Author author = load(id);
        checkMayEdit(author);
        ETags.requiredVersion(ifMatch, "author.version-conflict", author.version());
        apply(author, patches.apply(mapper.toInput(author), patch, AuthorInput.class));
        changes.fire(new AuthorChange(author, ChangeKind.UPDATED));
        author.touch();
        VersionedWrites.flush(authors.getEntityManager(), "author.version-conflict", author.version());
        return mapper.toView(author, true);
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public void delete(UUID id, String ifMatch) {
        Author author = load(id);
        ETags.optionalVersion(ifMatch, "author.version-conflict", author.version());
        if (authors.countArticles(id) > 0) {
            throw new ConflictException("author.in-use", "Author in use",
                    "This author is credited on articles; remove them from those articles first");
        }
        changes.fire(new AuthorChange(author, ChangeKind.DELETED));
        authors.delete(author);
    }

    @Transactional
    @Authenticated
    public MeView me() {
        String subject = caller.subject().orElseThrow();
        return new MeView(subject, caller.username().orElse(subject), caller.roles(),
                authors.findBySubject(subject).map(a -> mapper.toView(a, true)).orElse(null));
    }

    /** The caller's own author profile, created from the token's claims on their first write. */
    @Transactional
    public Author profileOfCaller() {
        String subject = caller.subject().orElseThrow(() -> new PermissionDeniedException("Sign in to write"));
        locks.lock("author-subject", subject); // one profile per subject, also when first writes race
        Author own = authors.findBySubject(subject).orElseGet(() -> {
            String name = caller.displayName().orElse(subject);
            Author author = new Author(null, name.length() > 200 ? name.substring(0, 200) : name);
            author.slug = Slugs.unique(Slugs.fromText(name), this::slugTaken);
            author.email = caller.email().filter(e -> e.length() <= 320).orElse(null);
            author.keycloakSubject = subject;
            authors.persist(author);
            changes.fire(new AuthorChange(author, ChangeKind.CREATED));
            return author;
        });
        profile.remember(Optional.of(own.id()));
        return own;
    }

    /** The id of the caller's author profile, if they have one (looked up once per request). */
    @Transactional
    public Optional<UUID> profileIdOfCaller() {
        if (!profile.known()) {
            profile.remember(caller.subject().flatMap(authors::findBySubject).map(Author::id));
        }
        return profile.id();
    }

    /**
     * Resolves ordered author references (ids or slugs) for an article; unknown ones are a 422 naming each.
     * {@code field} is the JSON field the references came from, for the error list.
     */
    @Transactional
    public List<Author> resolve(List<String> references, String field) {
        List<Author> resolved = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i).trim();
            Optional<Author> author = parseUuid(reference).flatMap(authors::findByIdOptional)
                    .or(() -> authors.findBySlug(reference));
            if (author.isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "]", "no author with id or slug '" + reference + "'"));
            } else if (resolved.contains(author.get())) {
                errors.add(new FieldError(field + "[" + i + "]", "author listed twice"));
            } else {
                resolved.add(author.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("article.unknown-author", "Some authors cannot be used", errors);
        }
        return resolved;
    }

    /** Editors and admins edit any profile; an author only their own. */
    private void checkMayEdit(Author author) {
        if (caller.isEditor()) {
            return;
        }
        boolean own = author.keycloakSubject() != null && caller.subject().map(author.keycloakSubject()::equals).orElse(false);
        if (!own) {
            throw new PermissionDeniedException("Authors may edit only their own profile");
        }
    }

    private void apply(Author author, AuthorInput input) {
        String slug = input.slug();
        if (slug == null) {
            if (author.slug == null) {
                author.slug = Slugs.unique(Slugs.fromText(input.name()), this::slugTaken);
            }
        } else if (!slug.equals(author.slug)) {
            if (slugTaken(slug)) {
                throw new ConflictException("author.slug-taken", "Slug taken", "Another author has the slug " + slug);
            }
            author.slug = slug;
        }
        author.name = input.name().trim();
        author.bio = blankToNull(input.bio());
        author.avatarUrl = blankToNull(input.avatarUrl());
        author.email = blankToNull(input.email());
    }

    /** Taken by another author; claims the slug until commit, so concurrent writers cannot both take it. */
    private boolean slugTaken(String slug) {
        locks.lock("author-slug", slug);
        return authors.slugTaken(slug);
    }

    private Author load(UUID id) {
        return authors.findByIdOptional(id).orElseThrow(() -> new AuthorNotFoundException(id.toString()));
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
