package io.kopij.article.preview;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed, short-lived token that lets a front-end read one draft without a Keycloak session. */
@Schema(name = "PreviewToken")
@Type("PreviewToken")
public record PreviewToken(
        @Id @NonNull UUID articleId,
        @Schema(description = "Send as the Preview-Token header (REST) or previewToken argument (GraphQL)") @NonNull String token,
        @NonNull Instant expiresAt) {
}
