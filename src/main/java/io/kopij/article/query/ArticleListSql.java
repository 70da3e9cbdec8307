package io.kopij.article.query;

import io.kopij.article.ArticleStatus;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.web.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place an {@link ArticleQuery} becomes SQL, for plain lists and full-text search alike: the filter
 * predicates (over the article table aliased {@code a}), the keyset condition that continues after a cursor and
 * the order, both over whichever alias the statement sorts (the article table, or search matches with their rank).
 * Values are always bound as parameters, never spliced into the text.
 */
final class ArticleListSql {

    private final ArticleQuery query;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private ArticleListSql(ArticleQuery query) {
        this.query = query;
    }

    /**
     * The filters of {@code query}; {@code ownArticlesOf}, when present, limits unpublished rows to the articles
     * that author co-writes (what an author may see of drafts).
     */
    static ArticleListSql of(ArticleQuery query, Optional<UUID> ownArticlesOf) {
        ArticleListSql sql = new ArticleListSql(query);
        sql.and("a.status in (:statuses)", "statuses", query.statuses().stream().map(ArticleStatus::wireName).toList());
        ownArticlesOf.ifPresent(owner -> sql.and("(a.status = 'published' or exists (select 1 from article_author oa "
                + "where oa.article_id = a.id and oa.author_id = :owner))", "owner", owner));
        if (!query.tags().isEmpty()) {
            sql.and("exists (select 1 from article_tag ft join tag t on t.id = ft.tag_id "
                    + "where ft.article_id = a.id and t.slug in (:tags))", "tags", query.tags());
        }
        if (!query.authors().isEmpty()) {
            sql.and("exists (select 1 from article_author fa join author au on au.id = fa.author_id "
                    + "where fa.article_id = a.id and au.slug in (:authors))", "authors", query.authors());
        }
        query.language().ifPresent(language ->
                sql.and("lower(a.language) = :language", "language", language.toLowerCase(Locale.ROOT)));
        query.publishedAfter().ifPresent(after -> sql.and("a.published_at >= :after", "after", after));
        query.publishedBefore().ifPresent(before -> sql.and("a.published_at < :before", "before", before));
        query.featured().ifPresent(featured -> sql.and("a.featured = :featured", "featured", featured));
        return sql;
    }

    /** The filter predicates, joined with {@code and}. */
    String where() {
        return where.toString();
    }

    /** Every parameter the predicates and keyset conditions built so far refer to. */
    Map<String, Object> params() {
        return params;
    }

    /**
     * Rows after {@code cursor} in the query's order, over the columns of {@code alias}. Where the sort column
     * cannot be null this is one row-value comparison, which the (status, column, id) index serves as a range;
     * publication times of drafts can be null and sort last, which needs the longer form.
     */
    String after(Cursor cursor, String alias) {
        ArticleSort sort = query.sort();
        String column = alias + "." + sort.column;
        String id = alias + ".id";
        String cmp = sort.descending ? "<" : ">";
        boolean nullable = nullable();
        params.put("cursorId", cursor.id());
        if (cursor.value() == null) {
            if (!nullable) {
                throw invalidCursor();
            }
            return "(" + column + " is null and " + id + " " + cmp + " :cursorId)";
        }
        params.put("cursorValue", cursorValue(sort, cursor.value()));
        if (!nullable) {
            return "(" + column + ", " + id + ") " + cmp + " (:cursorValue, :cursorId)";
        }
        return "(" + column + " " + cmp + " :cursorValue or (" + column + " = :cursorValue and " + id + " " + cmp
                + " :cursorId) or " + column + " is null)";
    }

    /** The order of the query over the columns of {@code alias}, ending on the id. */
    String orderBy(String alias) {
        ArticleSort sort = query.sort();
        String direction = sort.descending ? "desc" : "asc";
        return alias + "." + sort.column + " " + direction + (nullable() ? " nulls last" : "") + ", " + alias + ".id "
                + direction;
    }

    private boolean nullable() {
        return query.sort().column.equals("published_at") && query.publishedAtMayBeNull();
    }

    private void and(String predicate, String name, Object value) {
        if (!where.isEmpty()) {
            where.append(" and ");
        }
        where.append(predicate);
        params.put(name, value);
    }

    private static Object cursorValue(ArticleSort sort, String value) {
        try {
            return switch (sort) {
                case TITLE -> value;
                case RELEVANCE -> {
                    float rank = Float.parseFloat(value);
                    if (!Float.isFinite(rank) || rank < 0) {
                        throw invalidCursor();
                    }
                    yield rank;
                }
                case PUBLISHED_NEWEST, PUBLISHED_OLDEST, UPDATED_NEWEST -> {
                    Instant instant = Instant.parse(value);
                    if (!Timestamps.isSupported(instant)) {
                        throw invalidCursor();
                    }
                    yield instant;
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    private static InvalidInputException invalidCursor() {
        return Cursor.invalid("cursor is not one this API issued");
    }
}
