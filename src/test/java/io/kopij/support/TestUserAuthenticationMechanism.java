package io.kopij.support;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Test-only: authenticates a request as the user named in {@code X-Test-User: name:role1,role2}. Lets one test
 * method act as several users in turn (an author creates, another reads), which @TestSecurity cannot. The role
 * matrix is proven again with real Keycloak tokens in the security tests; this never ships (src/test).
 */
@ApplicationScoped
public class TestUserAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Test-User";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String[] parts = header.split(":", 2);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(parts[0]))
                .addAttribute("name", parts[0].substring(0, 1).toUpperCase() + parts[0].substring(1) + " Test")
                .addAttribute("email", parts[0] + "@kopij.test");
        if (parts.length > 1 && !parts[1].isBlank()) {
            identity.addRoles(Set.of(parts[1].split(",")));
        }
        return Uni.createFrom().item(identity.build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
