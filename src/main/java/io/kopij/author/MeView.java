package io.kopij.author;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed-in caller: identity-provider subject, realm roles and author profile (null until their first write). */
@Schema(name = "Me")
public record MeView(
        @Schema(nullable = true, description = "Keycloak subject (sub)") String subject,
        @Schema(nullable = true, example = "alice") String username,
        @Schema(example = "[\"editor\"]") Set<String> roles,
        @Schema(nullable = true) AuthorView author) {
}
