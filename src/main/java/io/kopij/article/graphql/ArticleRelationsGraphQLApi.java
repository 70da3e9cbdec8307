package io.kopij.article.graphql;

import io.kopij.article.ArticleView;
import io.kopij.article.RelatedArticleView;
import io.kopij.article.RelatedArticles;
import io.kopij.article.query.ArticleLists;
import io.kopij.author.AuthorView;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.tag.TagView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * What an article links to, as the same GraphQL types the top-level queries answer (Author, Tag, Article), so a
 * client cache keeps one object per entity. Each resolver takes a whole list of articles (one batch per level of
 * the query), so a page of articles costs the same number of statements as one article.
 */
@GraphQLApi
@TranslateErrors
public class ArticleRelationsGraphQLApi {

    private final ArticleRelations relations;
    private final RelatedArticles related;
    private final ArticleLists lists;

    ArticleRelationsGraphQLApi(ArticleRelations relations, RelatedArticles related, ArticleLists lists) {
        this.relations = relations;
        this.related = related;
        this.lists = lists;
    }

    @Description("The article's authors in the editor's order")
    public List<@NonNull List<@NonNull AuthorView>> authors(@Source List<ArticleView> articles) {
        return relations.authors(articles);
    }

    @Description("The article's tags in the editor's order; the first is the primary tag")
    public List<@NonNull List<@NonNull TagView>> tags(@Source List<ArticleView> articles) {
        return relations.tags(articles);
    }

    @Description("The first tag")
    public List<TagView> primaryTag(@Source List<ArticleView> articles) {
        return relations.primaryTags(articles);
    }

    @Description("The \"lees ook\" links in the editor's order, then articles sharing most tags; readers see only "
            + "published ones")
    public List<@NonNull List<@NonNull ArticleView>> related(@Source List<ArticleView> articles,
            @DefaultValue("5") int first) {
        int count = RelatedArticles.count(first, "first");
        Map<UUID, List<RelatedArticleView>> links = related.ofEach(articles.stream().map(ArticleView::id).toList(),
                count);
        Map<UUID, ArticleView> views = lists.viewsOf(links.values().stream().flatMap(List::stream)
                .map(RelatedArticleView::id).distinct().toList());
        return articles.stream().map(article -> links.getOrDefault(article.id(), List.of()).stream()
                .map(link -> views.get(link.id())).filter(Objects::nonNull).toList()).toList();
    }
}
