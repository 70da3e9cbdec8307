package io.kopij.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.event.ChangeEvents;
import io.kopij.event.ChangeEvents.Change;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TagService {

    private static final String SORT = "name";
    static final int MAX_NAME_LENGTH = 100;

    private final TagRepository tags;
    private final MergePatcher patches;
    private final ChangeEvents events;

    TagService(TagRepository tags, MergePatcher patches, ChangeEvents events) {
        this.events = events;
        this.tags = tags;
        this.patches = patches;
    }

    @Transactional
    public Page<TagView> list(PageRequest request) {
        return connection(request).toPage(request.limit());
    }

    /** Tags by name, with published-article counts for the whole page in one statement. */
    @Transactional
    public CursorPage<TagView> connection(PageRequest request) {
        var query = tags.getEntityManager().createQuery("select t from Tag t"
                + (request.cursor().isPresent() ? " where (t.name > :name or (t.name = :name and t.id > :id))" : "")
                + " order by t.name, t.id", Tag.class);
        if (request.cursor().isPresent()) {
            Cursor cursor = Cursor.decode(request.cursor().get(), SORT);
            query.setParameter("name", cursor.value() == null ? "" : cursor.value()).setParameter("id", cursor.id());
        }
        List<Tag> rows = new ArrayList<>(query.setFirstResult(request.cursor().isPresent() ? 0 : request.offset())
                .setMaxResults(request.limit() + 1).getResultList());
        boolean hasNext = rows.size() > request.limit();
        if (hasNext) {
            rows = rows.subList(0, request.limit());
        }
        Map<UUID, Long> counts = tags.publishedArticleCounts(rows.stream().map(Tag::id).toList());
        List<CursorPage.Edge<TagView>> edges = rows.stream()
                .map(t -> new CursorPage.Edge<>(new Cursor(SORT, t.name(), t.id()).encode(),
                        toView(t, counts.getOrDefault(t.id(), 0L))))
                .toList();
        return new CursorPage<>(edges, hasNext, tags.count());
    }

    @Transactional
    public TagView get(UUID id) {
        return toView(load(id));
    }

    @Transactional
    public TagView getBySlug(String slug) {
        return toView(tags.findBySlug(slug).orElseThrow(() -> new TagNotFoundException("with slug " + slug)));
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public TagView create(@NotNull @Valid TagInput input) {
        Tag tag = new Tag(null, input.name().trim());
        apply(tag, input);
        tags.persist(tag);
        tags.flush();
        events.tagChanged(tag, Change.CREATED);
        return toView(tag);
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public TagView replace(UUID id, String ifMatch, @NotNull @Valid TagInput input) {
        Tag tag = load(id);
        ETags.requiredVersion(ifMatch, "tag.version-conflict", tag.version());
        apply(tag, input);
        events.tagChanged(tag, Change.UPDATED);
        tag.touch();
        tags.flush();
        return toView(tag);
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public TagView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Tag tag = load(id);
        ETags.requiredVersion(ifMatch, "tag.version-conflict", tag.version());
        apply(tag, patches.apply(new TagInput(tag.slug(), tag.name(), tag.description()), patch, TagInput.class));
        events.tagChanged(tag, Change.UPDATED);
        tag.touch();
        tags.flush();
        return toView(tag);
    }

    /** Deleting a tag removes it from every article that carries it. */
    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public void delete(UUID id, String ifMatch) {
        Tag tag = load(id);
        ETags.optionalVersion(ifMatch, "tag.version-conflict", tag.version());
        events.tagChanged(tag, Change.DELETED);
        tags.getEntityManager().createNativeQuery("delete from article_tag where tag_id = :id")
                .setParameter("id", id).executeUpdate();
        // Re-number the remaining tags of those articles is unnecessary: order is by position, gaps are harmless.
        tags.delete(tag);
    }

    /**
     * Resolves ordered tag references (slugs or names) for an article. Unknown tags are created when
     * {@code mayCreate} (editors), otherwise they are a 422 naming each.
     */
    @Transactional
    public List<Tag> resolve(List<String> references, boolean mayCreate, String field) {
        List<Tag> resolved = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i).trim();
            Optional<Tag> tag = tags.findBySlug(reference).or(() -> tags.findByName(reference));
            if (tag.isEmpty() && mayCreate) {
                Tag created = new Tag(Slugs.unique(Slugs.fromText(reference), tags::slugTaken), reference);
                tags.persist(created);
                tags.flush();
                events.tagChanged(created, Change.CREATED);
                tag = Optional.of(created);
            }
            if (tag.isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "]",
                        "no tag '" + reference + "'; only editors can create tags"));
            } else if (resolved.contains(tag.get())) {
                errors.add(new FieldError(field + "[" + i + "]", "tag listed twice"));
            } else {
                resolved.add(tag.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("article.unknown-tag", "Some tags do not exist", errors);
        }
        return resolved;
    }

    private void apply(Tag tag, TagInput input) {
        String name = input.name().trim();
        tags.findByName(name).filter(other -> !other.id().equals(tag.id())).ifPresent(other -> {
            throw new ConflictException("tag.name-taken", "Name taken", "Another tag is named " + other.name());
        });
        if (input.slug() == null) {
            if (tag.slug == null) {
                tag.slug = Slugs.unique(Slugs.fromText(name), tags::slugTaken);
            }
        } else if (!input.slug().equals(tag.slug)) {
            if (tags.slugTaken(input.slug())) {
                throw new ConflictException("tag.slug-taken", "Slug taken", "Another tag has the slug " + input.slug());
            }
            tag.slug = input.slug();
        }
        tag.name = name;
        tag.description = input.description() == null || input.description().isBlank() ? null : input.description().trim();
    }

    private TagView toView(Tag tag) {
        return toView(tag, tags.publishedArticleCounts(List.of(tag.id())).getOrDefault(tag.id(), 0L));
    }

    private static TagView toView(Tag tag, long articleCount) {
        return new TagView(tag.id(), tag.slug(), tag.name(), tag.description(), articleCount, tag.version(),
                tag.createdAt(), tag.updatedAt());
    }

    private Tag load(UUID id) {
        return tags.findByIdOptional(id).orElseThrow(() -> new TagNotFoundException(id.toString()));
    }
}
