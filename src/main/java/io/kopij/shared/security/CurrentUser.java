package io.kopij.shared.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the services need it: anonymous or not, the editorial roles, the subject that ties the caller
 * to an author profile, and the profile claims (name, email) used when that profile is first created.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    @Inject
    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean isEditor() {
        return identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Author, editor or admin: may see unpublished content (authors only their own). */
    public boolean isEditorial() {
        return identity.hasRole(Roles.AUTHOR) || isEditor();
    }

    public Set<String> roles() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(Set.of(Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN));
        return roles;
    }

    /** The stable identity-provider subject ({@code sub}), empty for anonymous callers. */
    public Optional<String> subject() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return Optional.of(jwt.getSubject());
        }
        return Optional.ofNullable(principal.getName());
    }

    public Optional<String> displayName() {
        return claim("name").or(() -> claim("preferred_username")).or(() -> subject());
    }

    public Optional<String> username() {
        return claim("preferred_username").or(() -> Optional.ofNullable(identity.getPrincipal().getName()));
    }

    public Optional<String> email() {
        return claim("email");
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
        }
        Object attribute = identity.getAttribute(name);
        return attribute == null ? Optional.empty() : Optional.of(attribute.toString()).filter(s -> !s.isBlank());
    }
}
