package io.kopij.tag;

import io.kopij.shared.cache.CacheKey;
import io.kopij.shared.web.HttpCaching;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@CacheKey(value = "tag", dependsOn = "articles")
@Schema(name = "Tag")
@Type("Tag")
public record TagView(
        @Id @NonNull UUID id,
        @Schema(example = "opensource") @NonNull String slug,
        @Schema(example = "Open source") @NonNull String name,
        @Schema(nullable = true) String description,
        // GraphQL counts only when a query asks (TagGraphQLApi.articleCount, one statement per list of tags).
        @Ignore @Schema(description = "Number of published articles with this tag", example = "12") long articleCount,
        long version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt)
        implements HttpCaching.LastModified {
}
