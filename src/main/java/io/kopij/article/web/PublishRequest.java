package io.kopij.article.web;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of POST /articles/{id}/publish: a future {@code at} schedules instead of publishing now. */
@Schema(name = "PublishRequest")
public record PublishRequest(@Schema(description = "When to publish; absent or past = now", example = "2026-12-01T07:00:00Z") Instant at) {
}
