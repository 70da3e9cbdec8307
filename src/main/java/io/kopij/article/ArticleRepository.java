package io.kopij.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Articles as entities, for reading one article and for every write. Lists read projections (article.query). */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The article an old slug once belonged to. */
    public Optional<UUID> findIdByOldSlug(String slug) {
        ArticleSlugHistory history = getEntityManager().find(ArticleSlugHistory.class, slug);
        return Optional.ofNullable(history).map(h -> h.articleId);
    }

    /** Taken by another article, now or as one of its old slugs (which keep redirecting). */
    public boolean slugTaken(String slug, UUID exceptArticleId) {
        boolean current = count("slug = ?1 and id <> ?2", slug, exceptArticleId) > 0;
        if (current) {
            return true;
        }
        return findIdByOldSlug(slug).filter(owner -> !owner.equals(exceptArticleId)).isPresent();
    }

    public void rememberOldSlug(String slug, UUID articleId, Instant now) {
        if (findIdByOldSlug(slug).isEmpty()) {
            getEntityManager().persist(new ArticleSlugHistory(slug, articleId, now));
        }
    }

    public void forgetOldSlug(String slug, UUID articleId) {
        getEntityManager().createQuery("delete from ArticleSlugHistory s where s.slug = :slug and s.articleId = :id")
                .setParameter("slug", slug).setParameter("id", articleId).executeUpdate();
    }

    /** Every article that carries this tag. */
    /** Published or scheduled articles that show the asset as their image without alt text of their own. */
    public long countShowingWithoutOwnAlt(UUID assetId) {
        return count("imageAssetId = ?1 and imageAlt is null and status in ?2", assetId,
                List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED));
    }

    public List<Article> withTag(UUID tagId) {
        return getEntityManager().createQuery("select distinct a from Article a join a.tags t where t.id = :id",
                Article.class).setParameter("id", tagId).getResultList();
    }

    /** Every article with a "lees ook" link to this one. */
    public List<Article> linkingTo(UUID articleId) {
        return getEntityManager().createQuery("select distinct a from Article a join a.related r where r.id = :id",
                Article.class).setParameter("id", articleId).getResultList();
    }

    /** The bodies of several articles, in one statement. */
    public Map<UUID, ArticleBody> bodiesOf(List<UUID> articleIds) {
        Map<UUID, ArticleBody> bodies = new HashMap<>();
        if (!articleIds.isEmpty()) {
            getEntityManager().createQuery("select a.id, a.bodyMarkdown, a.bodyHtml, a.bodyText "
                            + "from Article a where a.id in :ids", Object[].class)
                    .setParameter("ids", articleIds).getResultList()
                    .forEach(row -> bodies.put((UUID) row[0],
                            new ArticleBody((String) row[1], (String) row[2], (String) row[3])));
        }
        return bodies;
    }

    /** The ordered "lees ook" targets of several articles, in one statement. */
    public Map<UUID, List<Article>> relatedOf(List<UUID> articleIds) {
        Map<UUID, List<Article>> result = new HashMap<>();
        if (articleIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select a.id, r from Article a join a.related r where a.id in :ids order by a.id, index(r)",
                        Object[].class)
                .setParameter("ids", articleIds)
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((Article) row[1]);
        }
        return result;
    }

    /**
     * For each source article, the published articles sharing most tags with it (ties: newest first), at most
     * {@code limit} each, in one statement.
     */
    public Map<UUID, List<UUID>> tagNeighbours(List<UUID> sources, int limit) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        if (sources.isEmpty() || limit <= 0) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select source, id from (
                          select s.article_id as source, c.id,
                                 row_number() over (partition by s.article_id
                                                    order by count(*) desc, c.published_at desc, c.id desc) as rank
                          from article_tag s
                          join article_tag ct on ct.tag_id = s.tag_id and ct.article_id <> s.article_id
                          join article c on c.id = ct.article_id and c.status = 'published'
                          where s.article_id in (:sources)
                          group by s.article_id, c.id, c.published_at) ranked
                        where rank <= :limit
                        order by source, rank""")
                .setParameter("sources", sources)
                .setParameter("limit", limit)
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
        }
        return result;
    }
}
