package io.kopij.event.webhook;

import java.time.Instant;
import java.util.UUID;

/** A delivery a worker holds the lease of: what to send where, signed with which secrets. */
record Claimed(UUID id, UUID webhookId, UUID eventId, String payload, int attemptCount, UUID leaseOwner, String url,
        String secret, String previousSecret, Instant previousSecretExpiresAt) {
}
