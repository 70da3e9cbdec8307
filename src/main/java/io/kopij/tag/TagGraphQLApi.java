package io.kopij.tag;

import io.kopij.article.ArticleConnection;
import io.kopij.article.ArticleQuery;
import io.kopij.article.ArticleService;
import io.kopij.article.ArticleSort;
import io.kopij.article.ArticleStatus;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.ETags;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@TranslateErrors
public class TagGraphQLApi {

    private final TagService service;
    private final ArticleService articles;

    TagGraphQLApi(TagService service, ArticleService articles) {
        this.service = service;
        this.articles = articles;
    }

    @Query
    @Description("One tag by id or slug")
    public TagView tag(@Id String id, String slug) {
        if ((id == null) == (slug == null)) {
            throw InvalidInputException.field("id", "give exactly one of id and slug");
        }
        return id != null ? service.get(GraphQLIds.parse(id)) : service.getBySlug(slug);
    }

    @Query
    @Description("Tags by name")
    public @NonNull TagConnection tags(@DefaultValue("20") int first, String after) {
        return TagConnection.of(service.connection(PageRequest.parse(String.valueOf(first), after, null)));
    }

    @Description("Published articles with this tag, newest first")
    public @NonNull ArticleConnection articles(@Source TagView tag, @DefaultValue("20") int first, String after) {
        return articlesOf(tag.slug(), first, after);
    }

    @Description("The published articles of this tag, newest first")
    public @NonNull ArticleConnection articles(@Source TagSummary tag, @DefaultValue("20") int first, String after) {
        return articlesOf(tag.slug(), first, after);
    }

    @Mutation
    @Description("Create a tag (editor)")
    public TagView createTag(@NonNull TagInput input) {
        return service.create(input);
    }

    @Mutation
    @Description("Replace a tag (editor); expectedVersion is the version you read")
    public TagView updateTag(@NonNull @Id String id, @NonNull Long expectedVersion, @NonNull TagInput input) {
        return service.replace(GraphQLIds.parse(id), ETags.of(expectedVersion), input);
    }

    @Mutation
    @Description("Delete a tag and remove it from its articles (editor); answers the deleted id")
    public @Id String deleteTag(@NonNull @Id String id, Long expectedVersion) {
        service.delete(GraphQLIds.parse(id), expectedVersion == null ? null : ETags.of(expectedVersion));
        return id;
    }

    private ArticleConnection articlesOf(String slug, int first, String after) {
        ArticleQuery query = ArticleQuery.published(List.of(slug), List.of());
        return ArticleConnection.of(articles.connection(query, PageRequest.parse(String.valueOf(first), after, null)));
    }
}
