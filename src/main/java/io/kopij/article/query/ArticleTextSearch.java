package io.kopij.article.query;

import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search in PostgreSQL. The query is parsed in web-search syntax with the Dutch, English and simple
 * configurations (accents folded) and matched against the GIN-indexed search vector; each article is ranked with
 * the query of its own language. One statement returns the page with its rows, the total and the highlighted
 * snippets; filters, keyset and order come from {@link ArticleListSql} like those of plain lists.
 */
@ApplicationScoped
class ArticleTextSearch {

    /**
     * Marks around matches from ts_headline. They are removed from the text before the headline is built, so every
     * mark in the result is one ts_headline set (the text itself may contain them).
     */
    static final String START = "\u27E6";
    static final String STOP = "\u27E7";

    private static final String ROW_QUERY = "case kopij_search_config(a.language) "
            + "when 'pg_catalog.dutch'::regconfig then q.nl when 'pg_catalog.english'::regconfig then q.en else q.sq end";

    private final EntityManager em;

    ArticleTextSearch(EntityManager em) {
        this.em = em;
    }

    ArticleRows.Slice search(ArticleQuery query, ArticleListSql sql, PageRequest page) {
        String matches = matches(sql);
        String keyset = page.cursor().map(c -> sql.after(Cursor.decode(c, query.sort().wireName()), "m"))
                .orElse("true");
        String statement = matches + """
                select p.rank, (select count(*) from matches) as total,
                       ts_headline(kopij_search_config(a.language),
                         translate(coalesce(a.lead || ' ', '') || a.body_text, '%2$s%3$s', ''), %1$s,
                         'StartSel=%2$s, StopSel=%3$s, MaxWords=30, MinWords=12, MaxFragments=1') as highlight,
                       %4$s
                from (select m.* from matches m where %5$s order by %6$s limit :limit offset :offset) p
                join article a on a.id = p.id
                cross join q
                order by %7$s
                """.formatted(ROW_QUERY, START, STOP, ArticleRow.COLUMNS, keyset, sql.orderBy("m"), sql.orderBy("p"));
        Query rows = ArticleRows.bind(em.createNativeQuery(statement), sql.params())
                .setParameter("q", query.text().orElseThrow())
                .setParameter("limit", page.limit() + 1)
                .setParameter("offset", page.cursor().isPresent() ? 0 : page.offset());
        List<ArticleRows.Found> found = new ArrayList<>();
        long total = 0;
        for (Object[] row : ArticleRows.results(rows)) {
            total = ((Number) row[1]).longValue();
            found.add(new ArticleRows.Found(ArticleRow.read(row, 3), ((Number) row[0]).floatValue(),
                    highlight((String) row[2])));
        }
        if (found.isEmpty() && (page.cursor().isPresent() || page.offset() > 0)) {
            total = count(query, sql); // a page past the end has no row to carry the total
        }
        return ArticleRows.slice(found, page.limit(), total);
    }

    private long count(ArticleQuery query, ArticleListSql sql) {
        Query count = em.createNativeQuery(matches(sql) + "select count(*) from matches")
                .setParameter("q", query.text().orElseThrow());
        sql.params().forEach((name, value) -> {
            if (!name.startsWith("cursor")) {
                count.setParameter(name, value);
            }
        });
        return ((Number) count.getSingleResult()).longValue();
    }

    /** The query in the three configurations and every article it matches under the filters, with its rank. */
    private static String matches(ArticleListSql sql) {
        return """
                with q as (
                  select kopij_dutch_query(:q) as nl,
                         websearch_to_tsquery('pg_catalog.english', kopij_unaccent(:q)) as en,
                         websearch_to_tsquery('pg_catalog.simple', kopij_unaccent(:q)) as sq),
                matches as (
                  select a.id, a.published_at, a.updated_at, a.title, ts_rank_cd(a.search_vector, %1$s) as rank
                  from article a, q
                  where (a.search_vector @@ q.nl or a.search_vector @@ q.en or a.search_vector @@ q.sq) and %2$s)
                """.formatted(ROW_QUERY, sql.where());
    }

    /** Plain text with matches in {@code <mark>}: everything else is escaped, so the snippet is safe HTML. */
    static String highlight(String raw) {
        if (raw == null) {
            return null;
        }
        String escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return escaped.replace(START, "<mark>").replace(STOP, "</mark>");
    }
}
