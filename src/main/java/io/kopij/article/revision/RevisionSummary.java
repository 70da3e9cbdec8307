package io.kopij.article.revision;

import io.kopij.shared.security.Actor;
import java.time.Instant;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionSummary")
@Type("RevisionSummary")
public record RevisionSummary(
        @Schema(example = "3") int number,
        @Schema(description = "The article version this revision recorded", example = "2") long version,
        @Schema(example = "update") @NonNull String action,
        @NonNull Actor by,
        @NonNull Instant createdAt,
        @Schema(nullable = true, description = "For restores: the revision that was restored") Integer restoredFrom) {
}
