package io.kopij.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as served. {@code email} is present only for editorial callers. */
@Schema(name = "Author")
@org.eclipse.microprofile.graphql.Type("Author")
public record AuthorView(
        @org.eclipse.microprofile.graphql.Id @org.eclipse.microprofile.graphql.NonNull UUID id,
        @Schema(example = "sanne-de-vries") @org.eclipse.microprofile.graphql.NonNull String slug,
        @Schema(example = "Sanne de Vries") @org.eclipse.microprofile.graphql.NonNull String name,
        String bio,
        String avatarUrl,
        @Schema(description = "Only shown to authors, editors and admins") @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        long version,
        @org.eclipse.microprofile.graphql.NonNull Instant createdAt,
        @org.eclipse.microprofile.graphql.NonNull Instant updatedAt)
        implements io.kopij.shared.web.HttpCaching.LastModified {
}
