package io.kopij.author;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace an author. The slug is generated from the name when not given. */
@Schema(name = "AuthorInput")
@Input("AuthorInput")
public record AuthorInput(
        @Schema(example = "sanne-de-vries") @Size(max = 96)
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case letters and digits separated by single dashes")
        String slug,
        @Schema(example = "Sanne de Vries", required = true) @NotBlank @Size(max = 200) String name,
        @Schema(example = "Techredacteur met een zwak voor open source.") @Size(max = 4000) String bio,
        @Schema(example = "https://cdn.example.nl/avatars/sanne.jpg") @Size(max = 2048)
        @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String avatarUrl,
        @Schema(example = "sanne@example.nl") @Size(max = 320) @Email String email) {
}
