package io.kopij.article.query;

import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-text search in PostgreSQL. The query is parsed in web-search syntax with the Dutch, English and simple
 * configurations (accents folded) and matched against the GIN-indexed search vector; each article is ranked with
 * the query of its own language. One statement returns the page with its rows, the exact total and the highlighted
 * snippets; filters, keyset and order come from {@link ArticleListSql} like those of plain lists.
 *
 * <p>Ranking reads an article's whole search vector (title, lead and body: kilobytes, kept out of line), so a
 * relevance sort ranks only the {@link SearchConfig#rankCandidates() newest matches}: on a common word, ranking
 * every match cost tens of milliseconds of PostgreSQL time per request. The matches beyond them follow, unranked
 * (rank 0, then by id), so every match can still be paged to and the total stays exact; an older article that
 * would have ranked high is not on the first pages of a relevance sort. Date and title sorts rank nothing and are
 * exact. Totals and candidates come from the index and the rows, without reading any vector.
 *
 * <p>Highlights are built by ts_headline over an excerpt around the first place a query term seems to occur
 * ({@code kopij_search_excerpt}, V021), not over the whole lead and body: parsing 5 kB of text per row cost more
 * than the rest of the page.
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
    /** What to look for to place the excerpt a highlight is made of, from the query of the article's language. */
    private static final String ROW_LOCATORS = "case kopij_search_config(a.language) "
            + "when 'pg_catalog.dutch'::regconfig then q.nl_locators when 'pg_catalog.english'::regconfig "
            + "then q.en_locators else q.sq_locators end";

    /**
     * Relevance: the newest matches ranked (a draft without publication time counts by its last change), the
     * others after them with rank 0. Only the candidates' vectors are read.
     */
    private static final String RANK_CANDIDATES = """
            , candidates as (
              select m.id from matches m
              order by coalesce(m.published_at, m.updated_at) desc, m.id desc limit :candidates),
            ranked as (
              select a.id, a.published_at, a.updated_at, a.title, ts_rank_cd(a.search_vector, %1$s) as rank
              from candidates c join article a on a.id = c.id cross join q
              union all
              select m.id, m.published_at, m.updated_at, m.title, 0::real
              from matches m where not exists (select 1 from candidates c where c.id = m.id))
            """.formatted(ROW_QUERY);

    /** Date and title sorts need no rank. */
    private static final String RANK_NONE = """
            , ranked as (select m.*, 0::real as rank from matches m)
            """;

    private final NativeRows rows;
    private final SearchConfig config;

    ArticleTextSearch(NativeRows rows, SearchConfig config) {
        this.rows = rows;
        this.config = config;
    }

    ArticleRows.Slice search(ArticleQuery query, ArticleListSql sql, PageRequest page) {
        boolean byRelevance = query.sort() == ArticleSort.RELEVANCE;
        String keyset = page.cursor().map(c -> sql.after(Cursor.decode(c, query.sort().wireName()), "r"))
                .orElse("true");
        String statement = matches(sql) + (byRelevance ? RANK_CANDIDATES : RANK_NONE) + """
                select p.rank, (select count(*) from matches) as total,
                       ts_headline(kopij_search_config(a.language),
                         translate(kopij_search_excerpt(coalesce(a.lead || ' ', '') || a.body_text, %8$s),
                           '%2$s%3$s', ''), %1$s,
                         'StartSel=%2$s, StopSel=%3$s, MaxWords=30, MinWords=12, MaxFragments=1') as highlight,
                       %4$s
                from (select r.* from ranked r where %5$s order by %6$s limit :limit offset :offset) p
                join article a on a.id = p.id
                cross join q
                order by %7$s
                """.formatted(ROW_QUERY, START, STOP, ArticleRow.COLUMNS, keyset, sql.orderBy("r"), sql.orderBy("p"),
                        ROW_LOCATORS);
        Map<String, Object> params = new HashMap<>(sql.params());
        params.put("q", query.text().orElseThrow());
        params.put("limit", page.limit() + 1);
        params.put("offset", page.cursor().isPresent() ? 0 : page.offset());
        if (byRelevance) {
            params.put("candidates", config.rankCandidates());
        }
        List<ArticleRows.Found> found = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows.list(statement, params)) {
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
        Map<String, Object> params = new HashMap<>(sql.params());
        params.put("q", query.text().orElseThrow());
        return ((Number) rows.single(matches(sql) + "select count(*) from matches", params)).longValue();
    }

    /**
     * The query in the three configurations (with the locators of each, for excerpts) and every article it matches
     * under the filters, with the columns the sorts need. Word queries are answered by the GIN index without
     * reading any vector (phrases are rechecked), so this stays cheap for thousands of matches. Materialized: the
     * total, the candidates and the rest all read it, and inlined the planner may walk the publication-time index
     * and test every row's vector instead of using the GIN index.
     */
    private static String matches(ArticleListSql sql) {
        return """
                with q as (
                  select parsed.*, kopij_query_locators(nl) as nl_locators, kopij_query_locators(en) as en_locators,
                         kopij_query_locators(sq) as sq_locators
                  from (select kopij_dutch_query(:q) as nl,
                               websearch_to_tsquery('pg_catalog.english', kopij_unaccent(:q)) as en,
                               websearch_to_tsquery('pg_catalog.simple', kopij_unaccent(:q)) as sq) as parsed),
                matches as materialized (
                  select a.id, a.published_at, a.updated_at, a.title
                  from article a, q
                  where (a.search_vector @@ q.nl or a.search_vector @@ q.en or a.search_vector @@ q.sq) and %1$s)
                """.formatted(sql.where());
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
