package io.kopij.shared.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies above {@code kopij.max-request-body} with a 413 problem before they are read. The HTTP layer's
 * own limit (quarkus.http.limits.max-body-size, set higher) stays as a backstop for bodies sent without a length,
 * but it answers without a problem body.
 */
public class RequestSizeFilter {

    private final long maxBytes;

    RequestSizeFilter(@ConfigProperty(name = "kopij.max-request-body", defaultValue = "1048576") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversized(ContainerRequestContext request) {
        // Multipart bodies are file uploads, which have their own, larger limit (kopij.media.max-upload-size).
        if (request.getLength() > maxBytes && !MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())) {
            Problem problem = Problem.of(413, "request.too-large", "Content too large",
                    "The request body has " + request.getLength() + " bytes; the limit is " + maxBytes,
                    request.getUriInfo().getPath(), List.of());
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
        }
        return Optional.empty();
    }
}
