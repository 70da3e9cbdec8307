package io.kopij.author;

import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.ETags;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@TranslateErrors
public class AuthorGraphQLApi {

    private final AuthorService service;

    AuthorGraphQLApi(AuthorService service) {
        this.service = service;
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
        return AuthorConnection.of(service.page(PageRequest.parse(String.valueOf(first), after, null)), after);
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
}
