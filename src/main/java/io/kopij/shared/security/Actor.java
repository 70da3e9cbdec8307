package io.kopij.shared.security;

import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who made a change: a signed-in user (Keycloak subject and display name) or the system itself. */
@Type("Actor")
public record Actor(@Schema(nullable = true) String subject, @Schema(nullable = true) String name) {

    public static final Actor SCHEDULER = new Actor("kopij-scheduler", "Kopij scheduler");
}
