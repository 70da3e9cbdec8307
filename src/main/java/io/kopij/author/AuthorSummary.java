package io.kopij.author;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as listed on an article. */
@Schema(name = "AuthorSummary")
@org.eclipse.microprofile.graphql.Type("AuthorSummary")
public record AuthorSummary(
        @org.eclipse.microprofile.graphql.Id @org.eclipse.microprofile.graphql.NonNull UUID id,
        @Schema(example = "sanne-de-vries") @org.eclipse.microprofile.graphql.NonNull String slug,
        @Schema(example = "Sanne de Vries") @org.eclipse.microprofile.graphql.NonNull String name) {

    public static AuthorSummary of(Author author) {
        return new AuthorSummary(author.id(), author.slug(), author.name());
    }
}
