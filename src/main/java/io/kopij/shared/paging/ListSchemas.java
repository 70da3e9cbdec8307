package io.kopij.shared.paging;

import io.kopij.article.ArticleSummary;
import io.kopij.article.revision.RevisionSummary;
import io.kopij.author.AuthorView;
import io.kopij.tag.TagView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The concrete list shapes, for the OpenAPI contract only: Java generics erase {@code Page<T>}, so each list
 * response is documented with one of these records.
 */
public final class ListSchemas {

    private ListSchemas() {
    }

    @Schema(name = "ArticleList")
    public record ArticleList(List<ArticleSummary> data, Page.PageInfo page) {
    }

    @Schema(name = "AuthorList")
    public record AuthorList(List<AuthorView> data, Page.PageInfo page) {
    }

    @Schema(name = "TagList")
    public record TagList(List<TagView> data, Page.PageInfo page) {
    }

    @Schema(name = "RevisionList")
    public record RevisionList(List<RevisionSummary> data, Page.PageInfo page) {
    }
}
