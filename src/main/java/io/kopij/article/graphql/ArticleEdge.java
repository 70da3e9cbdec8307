package io.kopij.article.graphql;

import io.kopij.article.ArticleView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ArticleEdge")
public record ArticleEdge(@NonNull String cursor, @NonNull ArticleView node,
        @Description("With filter.query: the matching passage, matches in <mark>, other text HTML-escaped") String highlight) {
}
