package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Client errors carry what the client needs to fix the request;
 * server errors carry only a correlation id, and their stack trace goes to the log once.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response kopij(KopijException e, UriInfo uri) {
        return problem(Problem.of(e.status(), e.code(), e.title(), e.detail(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return problem(Problem.of(400, "request.invalid", "Invalid input",
                "The request has " + errors.size() + " invalid field(s)", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(jsonProblem(e, path(uri)));
    }

    /** More specific than Quarkus' own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return problem(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return problem(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OIDCException) {
                return identityProviderUnavailable(path(uri));
            }
        }
        return unauthorized(path(uri));
    }

    /** Keycloak unreachable (or still starting in dev mode): only requests that carry a token are affected. */
    @ServerExceptionMapper
    public Response oidcUnavailable(OIDCException e, UriInfo uri) {
        return identityProviderUnavailable(path(uri));
    }

    private static Response identityProviderUnavailable(String instance) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "10")
                .entity(Problem.of(503, "auth.unavailable", "Sign-in temporarily unavailable",
                        "The identity provider cannot be reached to check your token; retry shortly. "
                                + "Reading published content works without a token.", instance, List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(Problem.of(403, "auth.forbidden", "Forbidden",
                "Your role does not allow this action", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String code = switch (status) {
            case 400 -> "request.invalid";
            case 404 -> "resource.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            default -> "request.error";
        };
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return problem(jsonProblem(json, path(uri)));
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String title = statusType.getReasonPhrase() == null ? "Request error" : statusType.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is found at this address";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource is served as application/json only";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> title;
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, path(uri), List.of()));
        if (status == 405) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Failures raised at commit time arrive wrapped (RollbackException, ArcUndeclaredThrowableException).
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KopijException kopij) {
                return kopij(kopij, uri);
            }
            if (cause instanceof OIDCException) {
                return identityProviderUnavailable(path(uri));
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return problem(Problem.of(412, "resource.version-conflict", "Version conflict",
                        "The resource was changed by someone else at the same time. Read it again and reapply "
                                + "your change.", path(uri), List.of()));
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return problem(Problem.of(409, "resource.conflict", "Conflict",
                        "The change conflicts with a concurrent change; retry it", path(uri), List.of()));
            }
            if (cause instanceof ConstraintViolationException violations) {
                return validation(violations, uri);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                // Serialization failure or deadlock: the write was rolled back whole and can simply be retried.
                return problem(Problem.of(409, "resource.conflict", "Conflict",
                        "The change collided with a concurrent change and was not applied; retry it", path(uri),
                        List.of()));
            }
            if (isDatabaseUnavailable(cause)) {
                return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                        .header(io.kopij.shared.ops.RequestIds.HEADER, io.kopij.shared.ops.RequestIds.current())
                        .entity(Problem.of(503, "service.database-unavailable", "Service unavailable",
                                "The database cannot be reached right now; retry shortly", path(uri), List.of())
                                .withCorrelationId(io.kopij.shared.ops.RequestIds.current()))
                        .build();
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        String correlationId = io.kopij.shared.ops.RequestIds.current();
        LOG.errorf(e, "Unexpected error %s on %s", correlationId, path(uri));
        return problem(Problem.of(500, "server.error", "Internal server error",
                "Something went wrong on our side", path(uri), List.of()).withCorrelationId(correlationId));
    }

    /**
     * Connection failures (SQLSTATE class 08), a server shutting down (57P) and an exhausted pool wait: the database
     * is away, not the request wrong. Fail fast with 503 so clients and load balancers retry.
     */
    private static boolean isDatabaseUnavailable(Throwable cause) {
        if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (cause instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return (state != null && (state.startsWith("08") || state.startsWith("57P")))
                    || message.contains("acquisition timeout");
        }
        return false;
    }

    private static Response unauthorized(String instance) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(401, "auth.unauthorized", "Unauthorized",
                        "Sign in: send a valid bearer token", instance, List.of()))
                .build();
    }

    static Problem jsonProblem(JsonProcessingException e, String instance) {
        if (e instanceof JsonParseException) {
            return Problem.of(400, "request.malformed-json", "Malformed JSON",
                    "The request body is not valid JSON", instance, List.of());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException format) {
                message = "must be a valid " + simpleTypeName(format.getTargetType());
            } else if (mapping.getPath().isEmpty()) {
                message = "must be a JSON object";
            } else {
                message = "has the wrong type";
            }
            if (field.isEmpty()) {
                return Problem.of(400, "request.malformed-json", "Malformed JSON",
                        "The request body does not have the expected shape", instance, List.of());
            }
            return Problem.of(400, "request.invalid", "Invalid input", "The request has an invalid field: " + field,
                    instance, List.of(new FieldError(field, message)));
        }
        return Problem.of(400, "request.malformed-json", "Malformed JSON", "The request body could not be read",
                instance, List.of());
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "ISO-8601 date-time";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return type.getSimpleName();
    }

    /** "create.input.image.url" → "image.url": drop the method and parameter nodes of method validation. */
    private static String fieldName(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (name != null && !name.startsWith("<")) {
                        parts.add(name);
                    }
                }
            }
        }
        return String.join(".", parts);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
