package io.kopij.author;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as listed on an article. */
@Schema(name = "AuthorSummary")
public record AuthorSummary(
        UUID id,
        @Schema(example = "sanne-de-vries") String slug,
        @Schema(example = "Sanne de Vries") String name) {

    public static AuthorSummary of(Author author) {
        return new AuthorSummary(author.id(), author.slug(), author.name());
    }
}
