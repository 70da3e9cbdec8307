package io.kopij.shared.web;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.text.SafeText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query and path parameters whose decoded text Kopij could not store or match (NUL characters, unpaired
 * surrogates) and addresses that do not decode at all (malformed percent-encoding), with a 400 problem naming the
 * parameter, before anything reads them.
 */
public class RequestTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseUnsafeText(ContainerRequestContext request) {
        String path;
        Map<String, List<String>> query;
        try {
            path = request.getUriInfo().getPath();
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException malformed) {
            return Optional.of(refuse(request, "request.malformed-uri", "The address is not correctly percent-encoded",
                    List.of()));
        }
        List<FieldError> errors = new ArrayList<>();
        SafeText.problem(path).ifPresent(problem -> errors.add(new FieldError("path", problem)));
        query.forEach((name, values) -> {
            SafeText.problem(name).ifPresent(problem -> errors.add(new FieldError("query", problem)));
            for (String value : values) {
                SafeText.problem(value).ifPresent(problem -> errors.add(new FieldError(name, problem)));
            }
        });
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(refuse(request, "request.invalid", "The request has an invalid field: "
                + errors.get(0).field(), errors));
    }

    private static Response refuse(ContainerRequestContext request, String code, String detail, List<FieldError> errors) {
        String instance;
        try {
            instance = request.getUriInfo().getPath();
        } catch (IllegalArgumentException malformed) {
            instance = null;
        }
        return ProblemMappers.response(Problem.of(400, code, "Invalid input", detail, instance, errors));
    }
}
