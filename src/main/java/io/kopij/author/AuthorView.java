package io.kopij.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kopij.shared.web.HttpCaching;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as served. {@code email} is present only for editorial callers. */
@Schema(name = "Author")
@Type("Author")
public record AuthorView(
        @Id @NonNull UUID id,
        @Schema(example = "sanne-de-vries") @NonNull String slug,
        @Schema(example = "Sanne de Vries") @NonNull String name,
        String bio,
        String avatarUrl,
        @Schema(description = "Only shown to authors, editors and admins") @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        long version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt)
        implements HttpCaching.LastModified {
}
