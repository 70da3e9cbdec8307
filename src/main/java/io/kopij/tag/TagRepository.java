package io.kopij.tag;

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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select l.tag_id, count(*) from article_tag l join article a on a.id = l.article_id "
                                + "where l.tag_id in (:ids) and a.status = 'published' group by l.tag_id")
                .setParameter("ids", tagIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
