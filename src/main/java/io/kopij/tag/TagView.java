package io.kopij.tag;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tag")
@org.eclipse.microprofile.graphql.Type("Tag")
public record TagView(
        @org.eclipse.microprofile.graphql.Id @org.eclipse.microprofile.graphql.NonNull UUID id,
        @Schema(example = "opensource") @org.eclipse.microprofile.graphql.NonNull String slug,
        @Schema(example = "Open source") @org.eclipse.microprofile.graphql.NonNull String name,
        String description,
        @Schema(description = "Number of published articles with this tag", example = "12") long articleCount,
        long version,
        @org.eclipse.microprofile.graphql.NonNull Instant createdAt,
        @org.eclipse.microprofile.graphql.NonNull Instant updatedAt)
        implements io.kopij.shared.web.HttpCaching.LastModified {
}
