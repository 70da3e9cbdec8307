package io.kopij.article.graphql;

import io.kopij.tag.TagService;
import io.kopij.tag.TagView;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tags one GraphQL request has loaded, so {@code primaryTag} after {@code tags} (or the same tags on several
 * levels) costs no second round trip.
 */
@RequestScoped
class TagViewsOfRequest {

    private final TagService tags;
    private final Map<UUID, TagView> loaded = new HashMap<>();

    TagViewsOfRequest(TagService tags) {
        this.tags = tags;
    }

    synchronized Map<UUID, TagView> viewsOf(Collection<UUID> ids) {
        List<UUID> missing = ids.stream().filter(id -> !loaded.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            loaded.putAll(tags.viewsOf(missing));
        }
        Map<UUID, TagView> views = new HashMap<>();
        ids.forEach(id -> {
            TagView view = loaded.get(id);
            if (view != null) {
                views.put(id, view);
            }
        });
        return views;
    }
}
