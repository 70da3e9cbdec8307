package io.kopij.article.revision;

import io.kopij.shared.security.Actor;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision")
@Type("Revision")
public record RevisionView(
        @Id @NonNull UUID articleId,
        int number,
        long version,
        @NonNull String action,
        @NonNull Actor by,
        @NonNull Instant createdAt,
        @Schema(nullable = true) Integer restoredFrom,
        @NonNull RevisionSnapshot snapshot) {
}
