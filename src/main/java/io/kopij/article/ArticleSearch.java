package io.kopij.article;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Full-text search in PostgreSQL. The query is parsed in web-search syntax with the Dutch, English and simple
 * configurations (accents folded) and matched against the GIN-indexed search vector; each article is ranked with
 * the query of its own language. One statement returns the page, the total and the highlighted snippets; the
 * articles themselves are then loaded by id (relations batched), four statements in all.
 */
@ApplicationScoped
public class ArticleSearch {

    /** Marks around matches from ts_headline: characters that do not occur in articles and survive escaping. */
    static final String START = "\u27E6";
    static final String STOP = "\u27E7";

    private final EntityManager em;

    ArticleSearch(EntityManager em) {
        this.em = em;
    }

    record Hit(UUID id, float rank, String highlight) {
    }

    record Result(List<Hit> hits, boolean hasMore, long total) {
    }

    Result search(ArticleQuery query, PageRequest page, Optional<UUID> ownArticlesOf) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", query.text().orElseThrow());
        StringBuilder where = new StringBuilder(
                "(a.search_vector @@ q.nl or a.search_vector @@ q.en or a.search_vector @@ q.sq)");
        where.append(" and a.status in (:statuses)");
        params.put("statuses", query.statuses().stream().map(ArticleStatus::wireName).toList());
        ownArticlesOf.ifPresent(owner -> {
            where.append(" and (a.status = 'published' or exists (select 1 from article_author oa "
                    + "where oa.article_id = a.id and oa.author_id = :owner))");
            params.put("owner", owner);
        });
        if (!query.tags().isEmpty()) {
            where.append(" and exists (select 1 from article_tag ft join tag t on t.id = ft.tag_id "
                    + "where ft.article_id = a.id and t.slug in (:tags))");
            params.put("tags", query.tags());
        }
        if (!query.authors().isEmpty()) {
            where.append(" and exists (select 1 from article_author fa join author au on au.id = fa.author_id "
                    + "where fa.article_id = a.id and au.slug in (:authors))");
            params.put("authors", query.authors());
        }
        query.language().ifPresent(language -> {
            where.append(" and lower(a.language) = :language");
            params.put("language", language.toLowerCase(java.util.Locale.ROOT));
        });
        query.publishedAfter().ifPresent(after -> {
            where.append(" and a.published_at >= :after");
            params.put("after", after);
        });
        query.publishedBefore().ifPresent(before -> {
            where.append(" and a.published_at < :before");
            params.put("before", before);
        });
        query.featured().ifPresent(featured -> {
            where.append(" and a.featured = :featured");
            params.put("featured", featured);
        });

        ArticleSort sort = query.sort();
        String column = switch (sort) {
            case RELEVANCE -> "m.rank";
            case PUBLISHED_NEWEST, PUBLISHED_OLDEST -> "m.published_at";
            case UPDATED_NEWEST -> "m.updated_at";
            case TITLE -> "m.title";
        };
        boolean nullable = column.equals("m.published_at");
        String direction = sort.descending ? "desc" : "asc";
        String order = column + " " + direction + (nullable ? " nulls last" : "") + ", m.id " + direction;
        StringBuilder keyset = new StringBuilder("true");
        if (page.cursor().isPresent()) {
            appendKeyset(keyset, params, sort, column, nullable, Cursor.decode(page.cursor().get(), sort.wireName()));
        }
        String rowQuery = "case kopij_search_config(a.language) when 'pg_catalog.dutch'::regconfig then q.nl "
                + "when 'pg_catalog.english'::regconfig then q.en else q.sq end";
        String sql = """
                with q as (
                  select kopij_dutch_query(:q) as nl,
                         websearch_to_tsquery('pg_catalog.english', kopij_unaccent(:q)) as en,
                         websearch_to_tsquery('pg_catalog.simple', kopij_unaccent(:q)) as sq),
                matches as (
                  select a.id, a.published_at, a.updated_at, a.title, ts_rank_cd(a.search_vector, %1$s) as rank
                  from article a, q
                  where %2$s)
                select p.id, p.rank, (select count(*) from matches) as total,
                       ts_headline(kopij_search_config(a.language), coalesce(a.lead || ' ', '') || a.body_text, %1$s,
                         'StartSel=%5$s, StopSel=%6$s, MaxWords=30, MinWords=12, MaxFragments=1') as highlight
                from (select m.* from matches m where %3$s order by %4$s limit :limit offset :offset) p
                join article a on a.id = p.id
                cross join q
                order by %7$s
                """.formatted(rowQuery, where, keyset, order, START, STOP, order.replace("m.", "p."));
        params.put("limit", page.limit() + 1);
        params.put("offset", page.cursor().isPresent() ? 0 : page.offset());
        Query native_ = em.createNativeQuery(sql);
        params.forEach(native_::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = native_.getResultList();
        List<Hit> hits = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows) {
            hits.add(new Hit((UUID) row[0], ((Number) row[1]).floatValue(), highlight((String) row[3])));
            total = ((Number) row[2]).longValue();
        }
        if (rows.isEmpty() && (page.cursor().isPresent() || page.offset() > 0)) {
            total = count(sql, params);
        }
        boolean hasMore = hits.size() > page.limit();
        return new Result(hasMore ? hits.subList(0, page.limit()) : hits, hasMore, total);
    }

    /** A page past the end has no row to carry the total: count separately (rare). */
    private long count(String sql, Map<String, Object> params) {
        String countSql = sql.substring(0, sql.indexOf("select p.id")) + "select count(*) from matches";
        Query query = em.createNativeQuery(countSql);
        params.forEach((name, value) -> {
            if (countSql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return ((Number) query.getSingleResult()).longValue();
    }

    static Cursor cursorAfter(Article last, float rank, ArticleSort sort) {
        if (sort == ArticleSort.RELEVANCE) {
            return new Cursor(sort.wireName(), Float.toString(rank), last.id());
        }
        return ArticleRepository.cursorAfter(last, sort);
    }

    private static void appendKeyset(StringBuilder where, Map<String, Object> params, ArticleSort sort, String column,
            boolean nullable, Cursor cursor) {
        String cmp = sort.descending ? "<" : ">";
        params.put("cursorId", cursor.id());
        if (cursor.value() == null) {
            if (!nullable) {
                throw invalidCursor();
            }
            where.append(" and (").append(column).append(" is null and m.id ").append(cmp).append(" :cursorId)");
            return;
        }
        String value = switch (sort) {
            case RELEVANCE -> "cast(:cursorValue as real)";
            case TITLE -> ":cursorValue";
            default -> "cast(:cursorValue as timestamptz)";
        };
        try {
            if (sort == ArticleSort.RELEVANCE) {
                Float.parseFloat(cursor.value());
            } else if (sort != ArticleSort.TITLE) {
                Instant.parse(cursor.value());
            }
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
        params.put("cursorValue", cursor.value());
        where.append(" and (").append(column).append(' ').append(cmp).append(' ').append(value).append(" or (")
                .append(column).append(" = ").append(value).append(" and m.id ").append(cmp).append(" :cursorId)");
        if (nullable) {
            where.append(" or ").append(column).append(" is null");
        }
        where.append(')');
    }

    /** Plain text with matches in {@code <mark>}: everything else is escaped, so the snippet is safe HTML. */
    static String highlight(String raw) {
        if (raw == null) {
            return null;
        }
        String escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return escaped.replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static InvalidInputException invalidCursor() {
        return new InvalidInputException("request.invalid-cursor", "Invalid cursor: cursor is not one this API issued",
                List.of(new FieldError("cursor", "cursor is not one this API issued")));
    }
}
