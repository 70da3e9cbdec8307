package io.kopij.author;

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
public class AuthorGraphQLApi {

    private final AuthorService service;
    private final ArticleService articles;

    AuthorGraphQLApi(AuthorService service, ArticleService articles) {
        this.service = service;
        this.articles = articles;
    }

    @Query
    @Description("One author by id or slug")
    public AuthorView author(@Id String id, String slug) {
        if ((id == null) == (slug == null)) {
            throw InvalidInputException.field("id", "give exactly one of id and slug");
        }
        return id != null ? service.get(GraphQLIds.parse(id)) : service.getBySlug(slug);
    }

    @Query
    @Description("Authors by name")
    public @NonNull AuthorConnection authors(@DefaultValue("20") int first, String after) {
        return AuthorConnection.of(service.connection(PageRequest.parse(String.valueOf(first), after, null)));
    }

    @Description("The author's published articles, newest first")
    public @NonNull ArticleConnection articles(@Source AuthorView author, @DefaultValue("20") int first, String after) {
        return articlesOf(author.slug(), first, after);
    }

    @Description("The published articles of this author, newest first")
    public @NonNull ArticleConnection articles(@Source AuthorSummary author, @DefaultValue("20") int first, String after) {
        return articlesOf(author.slug(), first, after);
    }

    @Mutation
    @Description("Create an author (admin)")
    public AuthorView createAuthor(@NonNull AuthorInput input) {
        return service.create(input);
    }

    @Mutation
    @Description("Replace an author profile; expectedVersion is the version you read")
    public AuthorView updateAuthor(@NonNull @Id String id, @NonNull Long expectedVersion, @NonNull AuthorInput input) {
        return service.replace(GraphQLIds.parse(id), ETags.of(expectedVersion), input);
    }

    @Mutation
    @Description("Delete an author credited on no article (admin); answers the deleted id")
    public @Id String deleteAuthor(@NonNull @Id String id, Long expectedVersion) {
        service.delete(GraphQLIds.parse(id), expectedVersion == null ? null : ETags.of(expectedVersion));
        return id;
    }

    private ArticleConnection articlesOf(String slug, int first, String after) {
        ArticleQuery query = ArticleQuery.published(List.of(), List.of(slug));
        return ArticleConnection.of(articles.connection(query, PageRequest.parse(String.valueOf(first), after, null)));
    }
}
