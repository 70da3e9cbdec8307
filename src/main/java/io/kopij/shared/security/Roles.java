package io.kopij.shared.security;

/** Keycloak realm roles of the realm {@code cms}. */
public final class Roles {

    public static final String AUTHOR = "author";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
