package io.kopij.tag;

import io.kopij.shared.persistence.NativeRows;
import io.kopij.shared.persistence.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    private final NativeRows rows;

    TagRepository(NativeRows rows) {
        this.rows = rows;
    }

    public Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Tag> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** Published articles per tag, in one statement for a whole page of tags. */
    public Map<UUID, Long> publishedArticleCounts(Collection<UUID> tagIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (tagIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : rows.list("select l.tag_id, count(*) from article_tag l join article a "
                + "on a.id = l.article_id where l.tag_id in (:ids) and a.status = 'published' group by l.tag_id",
                Map.of("ids", tagIds))) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Tags by id as served, in one statement and straight from SQL (no entity is hydrated), with articleCount 0:
     * GraphQL, the only caller, counts only when a query asks for it.
     */
    public List<TagView> viewsWithoutCounts(Collection<UUID> ids) {
        List<Object[]> found = rows.list("select id, slug, name, description, version, created_at, updated_at "
                + "from tag where id in (:ids)", Map.of("ids", ids));
        return found.stream().map(row -> new TagView((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], 0L, ((Number) row[4]).longValue(), SqlValues.instant(row[5]),
                SqlValues.instant(row[6]))).toList();
    }
}
