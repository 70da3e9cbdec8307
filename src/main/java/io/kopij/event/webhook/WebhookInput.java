package io.kopij.event.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as an admin registers or changes it (PATCH: a JSON merge patch over the current input). */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @Schema(example = "https://hooks.example.nl/kopij") @NotBlank @Size(max = 2048) String url,
        @Schema(description = "Event types: exact (article.published) or wildcards (article.*, *)",
                example = "[\"article.published\", \"article.unpublished\"]")
        @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 64) String> events,
        @Valid WebhookFilter filter,
        @Size(max = 500) String description,
        @Schema(description = "false pauses deliveries (they are kept); true re-enables an endpoint disabled by a 410")
        Boolean enabled) {
}
