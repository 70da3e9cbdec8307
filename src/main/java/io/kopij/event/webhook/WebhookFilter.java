package io.kopij.event.webhook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Restricts article events to these tags and languages (any of each; empty: all). Other events pass. */
@Schema(name = "WebhookFilter")
public record WebhookFilter(
        @Schema(description = "Tag slugs; an article event matches when the article has (or had) any of them")
        @Size(max = 50) List<@NotNull @Size(max = 96) String> tags,
        @Schema(description = "BCP 47 languages, e.g. nl") @Size(max = 20) List<@NotNull @Size(max = 35) String> languages) {
}
