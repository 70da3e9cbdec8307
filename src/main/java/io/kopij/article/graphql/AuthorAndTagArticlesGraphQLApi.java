package io.kopij.article.graphql;

import io.kopij.article.ArticleView;
import io.kopij.article.query.ArticleLists;
import io.kopij.author.AuthorView;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.CursorPage;
import io.kopij.tag.TagView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * The {@code articles} connection of authors and tags. It lives in the article feature so that author and tag
 * know nothing of articles; each resolver is a batch: one statement for a whole list of authors or tags.
 */
@GraphQLApi
@TranslateErrors
public class AuthorAndTagArticlesGraphQLApi {

    private final ArticleLists lists;

    AuthorAndTagArticlesGraphQLApi(ArticleLists lists) {
        this.lists = lists;
    }

    @Name("articles")
    @Description("The author's published articles, newest first")
    public List<@NonNull ArticleConnection> articlesOfAuthors(@Source List<AuthorView> authors,
            @DefaultValue("20") int first, String after) {
        return connections(authors, AuthorView::id, lists.publishedByAuthors(ids(authors, AuthorView::id),
                ArticleGraphQLApi.page(first, after)), after);
    }

    @Name("articles")
    @Description("Published articles with this tag, newest first")
    public List<@NonNull ArticleConnection> articlesOfTags(@Source List<TagView> tags,
            @DefaultValue("20") int first, String after) {
        return connections(tags, TagView::id, lists.publishedByTags(ids(tags, TagView::id),
                ArticleGraphQLApi.page(first, after)), after);
    }

    private static <T> List<UUID> ids(List<T> sources, Function<T, UUID> id) {
        return sources.stream().map(id).distinct().toList();
    }

    private static <T> List<ArticleConnection> connections(List<T> sources, Function<T, UUID> id,
            Map<UUID, CursorPage<ArticleView>> pages, String after) {
        return sources.stream().map(source -> ArticleConnection.of(pages.get(id.apply(source)), after)).toList();
    }
}
