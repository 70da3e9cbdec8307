package io.kopij.article.graphql;

import io.kopij.article.ArticleStatus;
import io.kopij.article.query.ArticleQuery;
import io.kopij.article.query.ArticleSort;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** GraphQL's article filter: the same filters as the REST list parameters, with the same rules (ArticleQuery). */
@Input("ArticleFilter")
public record ArticleFilter(
        @Description("Tag slugs; any of them") List<String> tags,
        @Description("Author slugs; any of them") List<String> authors,
        @Description("BCP 47 language, e.g. nl") String language,
        @Description("Editorial roles only; default PUBLISHED") List<ArticleStatus> status,
        @Description("Inclusive") Instant publishedAfter,
        @Description("Exclusive") Instant publishedBefore,
        Boolean featured,
        @Description("Full-text search (web-search syntax) in the article's language; sorts by relevance unless a sort is given")
        String query) {

    public static ArticleQuery toQuery(ArticleFilter filter, ArticleSort sort) {
        ArticleQuery.Criteria criteria = filter == null ? ArticleQuery.Criteria.NONE
                : new ArticleQuery.Criteria(filter.tags, filter.authors, filter.language, filter.status,
                        filter.publishedAfter, filter.publishedBefore, filter.featured, null, filter.query);
        return criteria.withSort(sort).toQuery(ArticleQuery.ParameterNames.GRAPHQL);
    }
}
