package io.kopij.shared.security;

import org.eclipse.microprofile.graphql.Type;

/** Who made a change: a signed-in user (Keycloak subject and display name) or the system itself. */
@Type("Actor")
public record Actor(String subject, String name) {

    public static final Actor SCHEDULER = new Actor("kopij-scheduler", "Kopij scheduler");
}
