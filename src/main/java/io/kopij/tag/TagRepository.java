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
        List<Object[]> rows = getEntityManager().createQuery(
                        "select t.id, count(a) from Article a join a.tags t "
                                + "where t.id in :ids and a.status = :published "
                                + "group by t.id", Object[].class)
                .setParameter("ids", tagIds)
                .setParameter("published", io.kopij.article.ArticleStatus.PUBLISHED)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], (Long) row[1]);
        }
        return counts;
    }
}
