package io.kopij.event.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered webhook. {@code secret} is present only in the answers of create and rotate-secret: it is shown
 * once and never again.
 */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        String url,
        @Schema(nullable = true) String description,
        List<String> events,
        WebhookFilter filter,
        boolean enabled,
        @Schema(nullable = true, description = "Why deliveries stopped, e.g. the endpoint answered 410 Gone") String disabledReason,
        @Schema(nullable = true, description = "Until when the previous secret is still valid (both signatures are sent)")
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Schema(nullable = true,
                description = "The signing secret (whsec_...), only in the answers of create and rotate-secret",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {
}
