package io.kopij.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.NameOrderedPages;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.ChangeKind;
import io.kopij.shared.persistence.NameLocks;
import io.kopij.shared.persistence.VersionedWrites;
import io.kopij.shared.security.Roles;
import io.kopij.shared.text.Slugs;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.MergePatcher;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TagService {

    static final int MAX_NAME_LENGTH = 100;

    private final TagRepository tags;
    private final MergePatcher patches;
    private final Event<TagDeleting> deleting;
    private final NameLocks locks;
    private final Event<TagChange> changes;

    TagService(TagRepository tags, MergePatcher patches, Event<TagDeleting> deleting, NameLocks locks,
            Event<TagChange> changes) {
        this.changes = changes;
        this.tags = tags;
        this.patches = patches;
        this.deleting = deleting;
        this.locks = locks;
    }

    @Transactional
    public Page<TagView> list(PageRequest request) {
        return page(request).toPage(request.limit());
    }

    /** Tags by name, with published-article counts for the whole page in one statement. */
    @Transactional
    public CursorPage<TagView> page(PageRequest request) {
        CursorPage<Tag> page = NameOrderedPages.page(tags.getEntityManager(), Tag.class, Tag::name, Tag::id, request,
                tags.count());
        Map<UUID, Long> counts = tags.publishedArticleCounts(page.edges().stream().map(e -> e.node().id()).toList());
        return page.map(tag -> toView(tag, counts.getOrDefault(tag.id(), 0L)));
    }

    /** Tags by id, in one statement (GraphQL's {@code Article.tags} over a page; articleCount is resolved apart). */
    @Transactional(TxType.SUPPORTS) // a read: no BEGIN/COMMIT round trips (see ArticleLists)
    public Map<UUID, TagView> viewsOf(Collection<UUID> ids) {
        Map<UUID, TagView> views = new HashMap<>();
        if (!ids.isEmpty()) {
            tags.viewsWithoutCounts(ids).forEach(view -> views.put(view.id(), view));
        }
        return views;
    }

    /** Published articles per tag, for a whole list of tags in one statement. */
    @Transactional(TxType.SUPPORTS) // a read: no BEGIN/COMMIT round trips (see ArticleLists)
    public Map<UUID, Long> publishedArticleCounts(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : tags.publishedArticleCounts(ids);
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
        changes.fire(new TagChange(tag, ChangeKind.CREATED));
        return toView(tag);
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public TagView replace(UUID id, String ifMatch, @NotNull @Valid TagInput input) {
        Tag tag = load(id);
        ETags.requiredVersion(ifMatch, "tag.version-conflict", tag.version());
        apply(tag, input);
        changes.fire(new TagChange(tag, ChangeKind.UPDATED));
        tag.touch();
        VersionedWrites.flush(tags.getEntityManager(), "tag.version-conflict", tag.version());
        return toView(tag);
    }

    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public TagView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Tag tag = load(id);
        ETags.requiredVersion(ifMatch, "tag.version-conflict", tag.version());
        apply(tag, patches.apply(new TagInput(tag.slug(), tag.name(), tag.description()), patch, TagInput.class));
        changes.fire(new TagChange(tag, ChangeKind.UPDATED));
        tag.touch();
        VersionedWrites.flush(tags.getEntityManager(), "tag.version-conflict", tag.version());
        return toView(tag);
    }

    /**
     * Deleting a tag removes it from every article that carries it; those articles change (new version, a
     * revision), which {@link TagDeleting}'s observers do before the tag goes.
     */
    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public void delete(UUID id, String ifMatch) {
        Tag tag = load(id);
        ETags.optionalVersion(ifMatch, "tag.version-conflict", tag.version());
        changes.fire(new TagChange(tag, ChangeKind.DELETED));
        deleting.fire(new TagDeleting(id));
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
                // Two editors naming the same new tag at once get one tag: the second waits, then finds it.
                locks.lock("tag-name", reference.toLowerCase(Locale.ROOT));
                tag = tags.findBySlug(reference).or(() -> tags.findByName(reference));
            }
            if (tag.isEmpty() && mayCreate) {
                Tag created = new Tag(Slugs.unique(Slugs.fromText(reference), this::slugTaken), reference);
                tags.persist(created);
                changes.fire(new TagChange(created, ChangeKind.CREATED));
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
                tag.slug = Slugs.unique(Slugs.fromText(name), this::slugTaken);
            }
        } else if (!input.slug().equals(tag.slug)) {
            if (slugTaken(input.slug())) {
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

    /** Taken by another tag; claims the slug until commit, so concurrent writers cannot both take it. */
    private boolean slugTaken(String slug) {
        locks.lock("tag-slug", slug);
        return tags.slugTaken(slug);
    }

    private Tag load(UUID id) {
        return tags.findByIdOptional(id).orElseThrow(() -> new TagNotFoundException(id.toString()));
    }
}
