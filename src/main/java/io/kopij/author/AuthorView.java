package io.kopij.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as served. {@code email} is present only for editorial callers. */
@Schema(name = "Author")
public record AuthorView(
        UUID id,
        @Schema(example = "sanne-de-vries") String slug,
        @Schema(example = "Sanne de Vries") String name,
        String bio,
        String avatarUrl,
        @Schema(description = "Only shown to authors, editors and admins") @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
