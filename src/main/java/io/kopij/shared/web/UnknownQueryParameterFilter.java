package io.kopij.shared.web;

import io.kopij.shared.error.FieldError;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters the matched endpoint does not declare. A misspelt filter ("tags=" for "tag=") would
 * otherwise be ignored silently and return unfiltered content, which a client cannot tell from a correct answer.
 */
public class UnknownQueryParameterFilter {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Set<String> allowed = declared.computeIfAbsent(method, UnknownQueryParameterFilter::queryParameters);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(allowed);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        List<FieldError> errors = unknown.stream()
                .map(name -> new FieldError(name, allowed.isEmpty()
                        ? "this endpoint takes no query parameters"
                        : "unknown query parameter; allowed: " + String.join(", ", new TreeSet<>(allowed))))
                .toList();
        Problem problem = Problem.of(400, "request.unknown-parameter", "Unknown query parameter",
                "Unknown query parameter(s): " + String.join(", ", unknown), request.getUriInfo().getPath(), errors);
        return Optional.of(ProblemMappers.response(problem));
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        for (int i = 0; i < method.getParameterCount(); i++) {
            for (Annotation annotation : method.getParameterAnnotations()[i]) {
                if (annotation instanceof BeanParam) {
                    collectFields(method.getParameterTypes()[i], names);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static void collectFields(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
                if (field.getAnnotation(BeanParam.class) != null) {
                    collectFields(field.getType(), names);
                }
            }
        }
    }
}
