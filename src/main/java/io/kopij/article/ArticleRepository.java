package io.kopij.article;

import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** One page of rows plus whether more follow, and the total for the same filters. */
    public record Slice(List<Article> rows, boolean hasMore, long total) {
    }

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The article an old slug once belonged to. */
    public Optional<UUID> findIdByOldSlug(String slug) {
        ArticleSlug history = getEntityManager().find(ArticleSlug.class, slug);
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
            getEntityManager().persist(new ArticleSlug(slug, articleId, now));
        }
    }

    public void forgetOldSlug(String slug, UUID articleId) {
        getEntityManager().createQuery("delete from ArticleSlug s where s.slug = :slug and s.articleId = :id")
                .setParameter("slug", slug).setParameter("id", articleId).executeUpdate();
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

    /**
     * Lists articles by keyset (cursor) or offset (page). {@code ownArticlesOf}, when present, limits unpublished
     * rows to the articles that author co-writes (an author's view of drafts). Authors and tags of the rows are
     * loaded afterwards in one batch each (hibernate batch fetching), so the statement count does not grow with the
     * page size.
     */
    public Slice search(ArticleQuery query, PageRequest page, Optional<UUID> ownArticlesOf) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("a.status in :statuses");
        params.put("statuses", query.statuses());
        if (ownArticlesOf.isPresent()) {
            where.append(" and (a.status = :published or a.id in "
                    + "(select o.id from Article o join o.authors oa where oa.id = :owner))");
            params.put("published", ArticleStatus.PUBLISHED);
            params.put("owner", ownArticlesOf.get());
        }
        if (!query.tags().isEmpty()) {
            where.append(" and a.id in (select ta.id from Article ta join ta.tags t where t.slug in :tags)");
            params.put("tags", query.tags());
        }
        if (!query.authors().isEmpty()) {
            where.append(" and a.id in (select aa.id from Article aa join aa.authors au where au.slug in :authors)");
            params.put("authors", query.authors());
        }
        query.language().ifPresent(language -> {
            where.append(" and lower(a.language) = :language");
            params.put("language", language.toLowerCase(java.util.Locale.ROOT));
        });
        query.publishedAfter().ifPresent(after -> {
            where.append(" and a.publishedAt >= :after");
            params.put("after", after);
        });
        query.publishedBefore().ifPresent(before -> {
            where.append(" and a.publishedAt < :before");
            params.put("before", before);
        });
        query.featured().ifPresent(featured -> {
            where.append(" and a.featured = :featured");
            params.put("featured", featured);
        });

        boolean statusOnly = ownArticlesOf.isEmpty() && query.tags().isEmpty() && query.authors().isEmpty()
                && query.language().isEmpty() && query.publishedAfter().isEmpty() && query.publishedBefore().isEmpty()
                && query.featured().isEmpty();
        long total = statusOnly ? countByStatus(query.statuses())
                : bind(getEntityManager().createQuery("select count(a) from Article a where " + where, Long.class),
                        params).getSingleResult();

        ArticleSort sort = query.sort();
        boolean nullable = sort.field.equals("publishedAt")
                && (query.statuses().contains(ArticleStatus.DRAFT) || query.statuses().contains(ArticleStatus.SCHEDULED));
        StringBuilder pageWhere = new StringBuilder(where);
        Map<String, Object> pageParams = new HashMap<>(params);
        if (page.cursor().isPresent()) {
            Cursor cursor = Cursor.decode(page.cursor().get(), sort.wireName());
            appendKeyset(pageWhere, pageParams, sort, nullable, cursor);
        }
        String direction = sort.descending ? "desc" : "asc";
        String order = " order by a." + sort.field + " " + direction + (nullable ? " nulls last" : "")
                + ", a.id " + direction;
        List<Article> rows = new ArrayList<>(bind(getEntityManager()
                        .createQuery("select a from Article a where " + pageWhere + order, Article.class), pageParams)
                .setFirstResult(page.cursor().isPresent() ? 0 : page.offset())
                .setMaxResults(page.limit() + 1)
                .getResultList());
        boolean hasMore = rows.size() > page.limit();
        if (hasMore) {
            rows = rows.subList(0, page.limit());
        }
        return new Slice(rows, hasMore, total);
    }

    /** From the per-status totals the database keeps with triggers (V009): one row read, not a count. */
    private long countByStatus(java.util.Set<ArticleStatus> statuses) {
        Object total = getEntityManager().createNativeQuery(
                        "select coalesce(sum(articles), 0) from article_status_count where status in (:statuses)")
                .setParameter("statuses", statuses.stream().map(ArticleStatus::wireName).toList())
                .getSingleResult();
        return ((Number) total).longValue();
    }

    static Cursor cursorAfter(Article last, ArticleSort sort) {
        String value = switch (sort.field) {
            case "publishedAt" -> last.publishedAt == null ? null : last.publishedAt.toString();
            case "updatedAt" -> last.updatedAt().toString();
            case "title" -> last.title;
            case "rank" -> throw new IllegalStateException("relevance cursors come from ArticleSearch");
            default -> throw new IllegalStateException("Unknown sort field " + sort.field);
        };
        return new Cursor(sort.wireName(), value, last.id());
    }

    private static void appendKeyset(StringBuilder where, Map<String, Object> params, ArticleSort sort,
            boolean nullable, Cursor cursor) {
        String cmp = sort.descending ? "<" : ">";
        String field = "a." + sort.field;
        params.put("cursorId", cursor.id());
        if (cursor.value() == null) {
            if (!nullable) {
                throw invalidCursor();
            }
            // Past the last non-null row: only null rows remain, ordered by id.
            where.append(" and (").append(field).append(" is null and a.id ").append(cmp).append(" :cursorId)");
            return;
        }
        params.put("cursorValue", parseValue(sort, cursor.value()));
        if (!nullable) {
            // A row-value comparison is one index range condition on (status, <field>, id); the equivalent OR
            // of two conditions is not, and made deep cursors scan from the first row.
            where.append(" and (").append(field).append(", a.id) ").append(cmp).append(" (:cursorValue, :cursorId)");
            return;
        }
        where.append(" and (").append(field).append(' ').append(cmp).append(" :cursorValue or (")
                .append(field).append(" = :cursorValue and a.id ").append(cmp).append(" :cursorId)");
        if (nullable) {
            where.append(" or ").append(field).append(" is null");
        }
        where.append(')');
    }

    private static Object parseValue(ArticleSort sort, String value) {
        if (sort.field.equals("title")) {
            return value;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    private static io.kopij.shared.error.InvalidInputException invalidCursor() {
        return new io.kopij.shared.error.InvalidInputException("request.invalid-cursor",
                "Invalid cursor: cursor is not one this API issued",
                List.of(new io.kopij.shared.error.FieldError("cursor", "cursor is not one this API issued")));
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
