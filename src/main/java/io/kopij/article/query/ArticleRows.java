package io.kopij.article.query;

import io.kopij.author.AuthorSummary;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.NativeRows;
import io.kopij.tag.TagSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads list rows with plain SQL, a fixed number of statements per page whatever its size: the page itself with
 * its total (from the kept per-status counts when only statuses filter), and the authors and tags of all its rows.
 * Author and tag summaries are joined here rather than asked of their features one article at a time: they are
 * part of every list row, and reading them together keeps a list at two statements. Each statement is a round trip
 * that costs the app and the database more than the little these ones do (case A in the benchmark).
 */
@ApplicationScoped
class ArticleRows {

    /** A row found, with its relevance and highlighted snippet when the list is a full-text search. */
    record Found(ArticleRow row, float rank, String highlight) {
    }

    /** One page of rows, whether more follow, and the total for the same filters. */
    record Slice(List<Found> rows, boolean hasMore, long total) {
    }

    /** Whose published articles a batch of pages lists. */
    enum Owner {
        AUTHOR("article_author", "author_id"),
        TAG("article_tag", "tag_id");

        private final String linkTable;
        private final String column;

        Owner(String linkTable, String column) {
            this.linkTable = linkTable;
            this.column = column;
        }
    }

    /** The total of a list filtered only by status, from the per-status counts triggers keep (V009): one row read. */
    private static final String COUNT_BY_STATUS =
            "select coalesce(sum(s.articles), 0) from article_status_count s where s.status in (:statuses)";

    private final NativeRows sql;

    ArticleRows(NativeRows sql) {
        this.sql = sql;
    }

    /**
     * A page of a plain (not full-text) list, with its total in the same statement (a scalar subquery the database
     * evaluates once); a page past the end has no row to carry it and counts on its own.
     */
    Slice list(ArticleQuery query, ArticleListSql list, PageRequest page) {
        String count = query.filtersOnlyByStatus() && !list.params().containsKey("owner")
                ? COUNT_BY_STATUS
                : "select count(*) from article a where " + list.where();
        String keyset = page.cursor().map(c -> " and " + list.after(Cursor.decode(c, query.sort().wireName()), "a"))
                .orElse("");
        Map<String, Object> params = new HashMap<>(list.params());
        params.put("limit", page.limit() + 1);
        params.put("offset", page.cursor().isPresent() ? 0 : page.offset());
        List<Found> found = new ArrayList<>();
        long counted = 0;
        for (Object[] row : sql.list("select (" + count + ") as total, " + ArticleRow.COLUMNS + " from article a where "
                + list.where() + keyset + " order by " + list.orderBy("a") + " limit :limit offset :offset", params)) {
            counted = ((Number) row[0]).longValue();
            found.add(new Found(ArticleRow.read(row, 1), 0, null));
        }
        if (found.isEmpty()) {
            counted = ((Number) sql.single(count, list.params())).longValue();
        }
        return slice(found, page.limit(), counted);
    }

    /**
     * The first page of published articles of each owner (author or tag), newest first, in one statement for all
     * of them: GraphQL's {@code Author.articles} over a list of authors costs the same as over one.
     */
    Map<UUID, Slice> publishedOf(Owner owner, Collection<UUID> ownerIds, ArticleQuery query, PageRequest page) {
        ArticleListSql list = ArticleListSql.of(query, Optional.empty());
        String keyset = page.cursor().map(c -> "where " + list.after(Cursor.decode(c, query.sort().wireName()), "r"))
                .orElse("");
        Map<String, Object> params = new HashMap<>(list.params());
        params.put("owners", ownerIds);
        params.put("limit", page.limit() + 1);
        String statement = """
                        with r as (
                          select l.%1$s as owner_id, count(*) over (partition by l.%1$s) as total, %2$s
                          from %3$s l join article a on a.id = l.article_id
                          where l.%1$s in (:owners) and %4$s),
                        ranked as (
                          select r.*, row_number() over (partition by r.owner_id order by %5$s) as n
                          from r %6$s)
                        select * from ranked where n <= :limit order by owner_id, n"""
                        .formatted(owner.column, ArticleRow.COLUMNS, owner.linkTable, list.where(),
                                list.orderBy("r"), keyset);
        Map<UUID, List<Found>> byOwner = new HashMap<>();
        Map<UUID, Long> totals = new HashMap<>();
        for (Object[] row : sql.list(statement, params)) {
            UUID ownerId = (UUID) row[0];
            totals.put(ownerId, ((Number) row[1]).longValue());
            byOwner.computeIfAbsent(ownerId, id -> new ArrayList<>()).add(new Found(ArticleRow.read(row, 2), 0, null));
        }
        Map<UUID, Slice> slices = new HashMap<>();
        for (UUID ownerId : ownerIds) {
            slices.put(ownerId, slice(byOwner.getOrDefault(ownerId, List.of()), page.limit(),
                    totals.getOrDefault(ownerId, 0L)));
        }
        return slices;
    }

    /** Rows by id, in one statement (the caller has decided which of them may be seen). */
    Map<UUID, ArticleRow> byIds(Collection<UUID> ids) {
        Map<UUID, ArticleRow> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : sql.list("select " + ArticleRow.COLUMNS + " from article a where a.id in (:ids)",
                    Map.of("ids", ids))) {
                ArticleRow read = ArticleRow.read(row, 0);
                found.put(read.id(), read);
            }
        }
        return found;
    }

    /** The authors and tags of a page of articles. */
    record Links(Map<UUID, List<AuthorSummary>> authors, Map<UUID, List<TagSummary>> tags) {
    }

    /**
     * The ordered authors and tags (the first tag is the primary one) of several articles, in one statement: every
     * list needs both, and a round trip costs the database and the app more than these index lookups.
     */
    Links linksOf(Collection<UUID> articleIds) {
        Map<UUID, List<AuthorSummary>> authors = new HashMap<>();
        Map<UUID, List<TagSummary>> tags = new HashMap<>();
        if (!articleIds.isEmpty()) {
            for (Object[] row : sql.list("""
                    select 0 as relation, l.article_id, au.id, au.slug, au.name, l.position
                    from article_author l join author au on au.id = l.author_id where l.article_id in (:ids)
                    union all
                    select 1, l.article_id, t.id, t.slug, t.name, l.position
                    from article_tag l join tag t on t.id = l.tag_id where l.article_id in (:ids)
                    order by 1, 2, 6""", Map.of("ids", articleIds))) {
                UUID articleId = (UUID) row[1];
                if (((Number) row[0]).intValue() == 0) {
                    authors.computeIfAbsent(articleId, id -> new ArrayList<>())
                            .add(new AuthorSummary((UUID) row[2], (String) row[3], (String) row[4]));
                } else {
                    tags.computeIfAbsent(articleId, id -> new ArrayList<>())
                            .add(new TagSummary((UUID) row[2], (String) row[3], (String) row[4]));
                }
            }
        }
        return new Links(authors, tags);
    }

    static Slice slice(List<Found> rows, int limit, long total) {
        boolean hasMore = rows.size() > limit;
        return new Slice(hasMore ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows), hasMore, total);
    }
}
