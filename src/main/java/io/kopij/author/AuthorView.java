package io.kopij.author;

import io.kopij.shared.cache.CacheKey;
import io.kopij.shared.web.HttpCaching;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as served. {@code email} is null for callers who are not authors, editors or admins. */
@CacheKey("author")
@Schema(name = "Author")
@Type("Author")
public record AuthorView(
        @Id @NonNull UUID id,
        @Schema(example = "sanne-de-vries") @NonNull String slug,
        @Schema(example = "Sanne de Vries") @NonNull String name,
        @Schema(nullable = true) String bio,
        @Schema(nullable = true) String avatarUrl,
        @Schema(nullable = true, description = "Only shown to authors, editors and admins") String email,
        long version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt)
        implements HttpCaching.LastModified {
}
