package io.kopij.tag;

import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.ETags;
import java.util.List;
import java.util.Map;
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

    TagGraphQLApi(TagService service) {
        this.service = service;
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
        return TagConnection.of(service.page(PageRequest.parse(String.valueOf(first), after, null)), after);
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

    /** One statement for a whole list of tags, and only when a query asks for the count. */
    public List<@NonNull Long> articleCount(@Source List<TagView> tags) {
        Map<UUID, Long> counts = service.publishedArticleCounts(tags.stream().map(TagView::id).toList());
        return tags.stream().map(tag -> counts.getOrDefault(tag.id(), 0L)).toList();
    }
}
