package io.kopij.shared.web;

import io.kopij.shared.config.KopijConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies above {@code kopij.max-request-body} with a 413 problem before they are read. The HTTP layer's
 * own limit (quarkus.http.limits.max-body-size, set higher) stays as a backstop for bodies sent without a length,
 * but it answers without a problem body.
 */
public class RequestSizeFilter {

    private final long maxBytes;

    RequestSizeFilter(KopijConfig config) {
        this.maxBytes = config.maxRequestBody();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversized(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            Problem problem = Problem.of(413, "request.too-large", "Content too large",
                    "The request body has " + request.getLength() + " bytes; the limit is " + maxBytes,
                    request.getUriInfo().getPath(), List.of());
            return Optional.of(ProblemMappers.response(problem));
        }
        return Optional.empty();
    }
}
