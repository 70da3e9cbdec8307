package io.kopij.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TagInput")
@Input("TagInput")
public record TagInput(
        @Schema(example = "opensource") @Size(max = 96)
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case letters and digits separated by single dashes")
        String slug,
        @Schema(example = "Open source", required = true) @NotBlank @Size(max = 100) String name,
        @Schema(example = "Software waarvan de broncode vrij beschikbaar is.") @Size(max = 2000) String description) {
}
