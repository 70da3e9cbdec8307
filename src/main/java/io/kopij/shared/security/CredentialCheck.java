package io.kopij.shared.security;

import io.kopij.shared.web.Failures;
import io.kopij.shared.web.Problem;
import io.kopij.shared.web.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries credentials gets them checked, also where reading needs none: a client whose token is
 * invalid or expired learns it from a 401 (a 503 while the identity provider is away) instead of silently getting
 * what anonymous readers get. Requests without credentials never wait for the identity provider.
 */
public class CredentialCheck {

    private final CurrentIdentityAssociation identity;

    CredentialCheck(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> refuseInvalidCredentials(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        String instance = request.getUriInfo().getPath();
        return identity.getDeferredIdentity().onItemOrFailure().transform((caller, failure) -> {
            if (failure != null) {
                return Failures.classify(failure, instance).map(ProblemMappers::response)
                        .orElseGet(() -> ProblemMappers.response(unauthorized(instance)));
            }
            return caller.isAnonymous() ? ProblemMappers.response(unauthorized(instance)) : null;
        });
    }

    private static Problem unauthorized(String instance) {
        return Problem.of(401, "auth.unauthorized", "Unauthorized", "Sign in: send a valid bearer token", instance,
                List.of());
    }
}
