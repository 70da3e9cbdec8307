package io.kopij.author;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.event.ChangeEvents;
import io.kopij.event.ChangeEvents.Change;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.ForbiddenException;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.security.CurrentUser;
import io.kopij.shared.security.Roles;
import io.kopij.shared.text.Slugs;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.MergePatcher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorService {

    private static final String SORT = "name";

    private final AuthorRepository authors;
    private final AuthorMapper mapper;
    private final CurrentUser caller;
    private final MergePatcher patches;
    private final CallerProfile profile;
    private final ChangeEvents events;

    AuthorService(AuthorRepository authors, AuthorMapper mapper, CurrentUser caller,
            MergePatcher patches, CallerProfile profile, ChangeEvents events) {
        this.events = events;
        this.profile = profile;
        this.authors = authors;
        this.mapper = mapper;
        this.caller = caller;
        this.patches = patches;
    }

    @Transactional
    public Page<AuthorView> list(PageRequest request) {
        return connection(request).toPage(request.limit());
    }

    /** Authors by name; each with the cursor that continues after it. */
    @Transactional
    public CursorPage<AuthorView> connection(PageRequest request) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (request.cursor().isPresent()) {
            Cursor cursor = Cursor.decode(request.cursor().get(), SORT);
            where.append(" and (a.name > :name or (a.name = :name and a.id > :id))");
            params.put("name", cursor.value() == null ? "" : cursor.value());
            params.put("id", cursor.id());
        }
        var query = authors.getEntityManager()
                .createQuery("select a from Author a where " + where + " order by a.name, a.id", Author.class)
                .setMaxResults(request.limit() + 1)
                .setFirstResult(request.cursor().isPresent() ? 0 : request.offset());
        params.forEach(query::setParameter);
        List<Author> rows = new ArrayList<>(query.getResultList());
        boolean hasNext = rows.size() > request.limit();
        if (hasNext) {
            rows = rows.subList(0, request.limit());
        }
        boolean showEmail = caller.isEditorial();
        List<CursorPage.Edge<AuthorView>> edges = rows.stream()
                .map(a -> new CursorPage.Edge<>(new Cursor(SORT, a.name(), a.id()).encode(), mapper.toView(a, showEmail)))
                .toList();
        return new CursorPage<>(edges, hasNext, authors.count());
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
        events.authorChanged(author, Change.CREATED);
        return mapper.toView(author, true);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public AuthorView replace(UUID id, String ifMatch, @NotNull @Valid AuthorInput input) {
        Author author = load(id);
        checkMayEdit(author);
        ETags.requiredVersion(ifMatch, "author.version-conflict", author.version());
        apply(author, input);
        events.authorChanged(author, Change.UPDATED);
        author.touch();
        authors.flush();
        return mapper.toView(author, true);
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public AuthorView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Author author = load(id);
        checkMayEdit(author);
        ETags.requiredVersion(ifMatch, "author.version-conflict", author.version());
        apply(author, patches.apply(mapper.toInput(author), patch, AuthorInput.class));
        events.authorChanged(author, Change.UPDATED);
        author.touch();
        authors.flush();
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
        events.authorChanged(author, Change.DELETED);
        authors.delete(author);
    }

    @Transactional
    @io.quarkus.security.Authenticated
    public MeView me() {
        String subject = caller.subject().orElseThrow();
        return new MeView(subject, caller.username().orElse(subject), caller.roles(),
                authors.findBySubject(subject).map(a -> mapper.toView(a, true)).orElse(null));
    }

    /** The caller's own author profile, created from the token's claims on their first write. */
    @Transactional
    public Author profileOfCaller() {
        String subject = caller.subject().orElseThrow(() -> new ForbiddenException("Sign in to write"));
        Author own = authors.findBySubject(subject).orElseGet(() -> {
            String name = caller.displayName().orElse(subject);
            Author author = new Author(null, name.length() > 200 ? name.substring(0, 200) : name);
            author.slug = Slugs.unique(Slugs.fromText(name), authors::slugTaken);
            author.email = caller.email().filter(e -> e.length() <= 320).orElse(null);
            author.keycloakSubject = subject;
            authors.persist(author);
            events.authorChanged(author, Change.CREATED);
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
            throw new ForbiddenException("Authors may edit only their own profile");
        }
    }

    private void apply(Author author, AuthorInput input) {
        String slug = input.slug();
        if (slug == null) {
            if (author.slug == null) {
                author.slug = Slugs.unique(Slugs.fromText(input.name()), authors::slugTaken);
            }
        } else if (!slug.equals(author.slug)) {
            if (authors.slugTaken(slug)) {
                throw new ConflictException("author.slug-taken", "Slug taken", "Another author has the slug " + slug);
            }
            author.slug = slug;
        }
        author.name = input.name().trim();
        author.bio = blankToNull(input.bio());
        author.avatarUrl = blankToNull(input.avatarUrl());
        author.email = blankToNull(input.email());
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
