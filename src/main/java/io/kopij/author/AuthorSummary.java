package io.kopij.author;

import io.kopij.shared.cache.CacheKey;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as listed on an article. */
@CacheKey("author")
@Schema(name = "AuthorSummary")
@Type("RevisionAuthor")
@Description("An author as a revision recorded it (name and slug at that time)")
public record AuthorSummary(
        @Id @NonNull UUID id,
        @Schema(example = "sanne-de-vries") @NonNull String slug,
        @Schema(example = "Sanne de Vries") @NonNull String name) {

    public static AuthorSummary of(Author author) {
        return new AuthorSummary(author.id(), author.slug(), author.name());
    }
}
