package io.kopij.tag;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tag")
public record TagView(
        UUID id,
        @Schema(example = "opensource") String slug,
        @Schema(example = "Open source") String name,
        String description,
        @Schema(description = "Number of published articles with this tag", example = "12") long articleCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
