package io.kopij.event.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event sent to one endpoint, with every attempt made. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID id,
        @Schema(description = "The webhook-id header; the same for a redelivery") UUID eventId,
        @Schema(example = "article.published") String type,
        @Schema(description = "pending, delivered or failed", example = "delivered") String status,
        Instant createdAt,
        @Schema(nullable = true, description = "When the next attempt is due, while pending") Instant nextAttemptAt,
        List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt")
    public record Attempt(
            Instant attemptedAt,
            @Schema(nullable = true, description = "HTTP status; absent when no answer came (timeout, refused)") Integer statusCode,
            long durationMs,
            @Schema(nullable = true, description = "The start of the answer's body") String responseExcerpt,
            @Schema(nullable = true, description = "Why the attempt failed without an HTTP status, e.g. a timeout") String error) {
    }
}
