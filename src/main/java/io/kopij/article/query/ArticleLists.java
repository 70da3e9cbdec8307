package io.kopij.article.query;

import io.kopij.article.ArticleAccess;
import io.kopij.article.ArticleImage;
import io.kopij.article.ArticleImageInput;
import io.kopij.article.ArticleImages;
import io.kopij.article.ArticleSummary;
import io.kopij.article.ArticleView;
import io.kopij.author.AuthorSummary;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.tag.TagSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists of articles for REST and GraphQL: the same filters, sorts, cursors and visibility on both. Rows are read
 * as projections (no entity is loaded), so a list costs two statements whatever its size (its rows with their
 * total, then the authors and tags of all of them), and a third when its rows show uploaded images.
 *
 * <p>They open no transaction of their own ({@code SUPPORTS}: they join a caller's). Under PostgreSQL's READ
 * COMMITTED every statement reads its own snapshot, in a transaction or not, so one bought nothing here but a BEGIN
 * and a COMMIT round trip around the two statements and the JTA enlistment (about a tenth of a list's application
 * and database CPU, measured). Without a transaction Quarkus gives the request's read-only session, so the request
 * context must be active, as it is for REST, GraphQL and the sample loader.
 */
@ApplicationScoped
public class ArticleLists {

    private final ArticleRows rows;
    private final ArticleTextSearch search;
    private final ArticleAccess access;
    private final ArticleImages images;

    ArticleLists(ArticleRows rows, ArticleTextSearch search, ArticleAccess access, ArticleImages images) {
        this.rows = rows;
        this.search = search;
        this.access = access;
        this.images = images;
    }

    /** A REST list page: summaries (no body), each with its highlight when the list is a search. */
    @Transactional(TxType.SUPPORTS)
    public Page<ArticleSummary> list(ArticleQuery query, PageRequest page) {
        return find(query, page, (row, found, relations) ->
                row.toSummary(relations.image(row), relations.authors(row), relations.tags(row), found.highlight()))
                .toPage(page.limit());
    }

    /** Full articles without body and related links (GraphQL loads those in batches when a query asks). */
    @Transactional(TxType.SUPPORTS)
    public CursorPage<ArticleView> page(ArticleQuery query, PageRequest page) {
        return find(query, page, ArticleLists::view);
    }

    /**
     * Articles by id without body and related links, in two statements whatever their number (a third when they
     * show uploaded images; GraphQL's related articles). The ids must be ones the caller may see (e.g. from
     * {@code RelatedArticles}).
     */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, ArticleView> viewsOf(Collection<UUID> ids) {
        Map<UUID, ArticleRow> found = rows.byIds(ids);
        List<UUID> foundIds = List.copyOf(found.keySet());
        Map<UUID, ArticleImageInput> references = new HashMap<>();
        found.forEach((id, row) -> references.put(id, row.image()));
        ArticleRows.Links links = rows.linksOf(foundIds);
        Relations relations = new Relations(links.authors(), links.tags(), images.of(references));
        Map<UUID, ArticleView> views = new HashMap<>();
        found.forEach((id, row) -> views.put(id, view(row, null, relations)));
        return views;
    }

    /** The published articles of each author, newest first: one statement for a whole list of authors. */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, CursorPage<ArticleView>> publishedByAuthors(List<UUID> authorIds, PageRequest page) {
        return publishedOf(ArticleRows.Owner.AUTHOR, authorIds, page);
    }

    /** The published articles with each tag, newest first: one statement for a whole list of tags. */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, CursorPage<ArticleView>> publishedByTags(List<UUID> tagIds, PageRequest page) {
        return publishedOf(ArticleRows.Owner.TAG, tagIds, page);
    }

    private Map<UUID, CursorPage<ArticleView>> publishedOf(ArticleRows.Owner owner, List<UUID> ownerIds,
            PageRequest page) {
        Map<UUID, CursorPage<ArticleView>> result = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        ArticleQuery query = ArticleQuery.published(List.of(), List.of());
        Map<UUID, ArticleRows.Slice> slices = rows.publishedOf(owner, ownerIds, query, page);
        Relations relations = relations(slices.values().stream().flatMap(s -> s.rows().stream()).toList());
        slices.forEach((ownerId, slice) -> result.put(ownerId, edges(query, slice, relations, ArticleLists::view)));
        return result;
    }

    private <T> CursorPage<T> find(ArticleQuery query, PageRequest page, RowMapper<T> mapper) {
        Optional<UUID> ownArticlesOf = access.listRestriction(query.statuses());
        ArticleListSql sql = ArticleListSql.of(query, ownArticlesOf);
        ArticleRows.Slice slice = query.text().isPresent() ? search.search(query, sql, page) : rows.list(query, sql, page);
        return edges(query, slice, relations(slice.rows()), mapper);
    }

    private static <T> CursorPage<T> edges(ArticleQuery query, ArticleRows.Slice slice, Relations relations,
            RowMapper<T> mapper) {
        return new CursorPage<>(slice.rows().stream()
                .map(f -> new CursorPage.Edge<>(f.row().cursor(query.sort(), f.rank()).encode(),
                        mapper.map(f.row(), f, relations), f.highlight()))
                .toList(), slice.hasMore(), slice.total());
    }

    private static ArticleView view(ArticleRow row, ArticleRows.Found found, Relations relations) {
        return row.toView(relations.image(row), relations.authors(row), relations.tags(row));
    }

    private Relations relations(List<ArticleRows.Found> found) {
        List<UUID> ids = found.stream().map(f -> f.row().id()).toList();
        Map<UUID, ArticleImageInput> references = new HashMap<>();
        found.forEach(f -> references.put(f.row().id(), f.row().image()));
        ArticleRows.Links links = rows.linksOf(ids);
        return new Relations(links.authors(), links.tags(), images.of(references));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ArticleRow row, ArticleRows.Found found, Relations relations);
    }

    /** The authors, tags and images of a page of rows, loaded together (authors and tags in one statement). */
    private record Relations(Map<UUID, List<AuthorSummary>> authors, Map<UUID, List<TagSummary>> tags,
            Map<UUID, ArticleImage> images) {

        ArticleImage image(ArticleRow row) {
            return images.get(row.id());
        }


        List<AuthorSummary> authors(ArticleRow row) {
            return authors.getOrDefault(row.id(), List.of());
        }

        List<TagSummary> tags(ArticleRow row) {
            return tags.getOrDefault(row.id(), List.of());
        }
    }
}
