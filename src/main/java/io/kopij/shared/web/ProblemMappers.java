package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.ops.RequestIds;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Client errors carry what the client needs to fix the request;
 * server errors carry only a correlation id, and their stack trace goes to the log once.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * Failures {@link Failures} classifies. Listed by type because Quarkus has its own, more specific mappers for
     * several of them (security, JSON binding) that would otherwise answer without a problem body.
     */
    @ServerExceptionMapper({KopijException.class, ConstraintViolationException.class, UnauthorizedException.class,
            AuthenticationFailedException.class, OIDCException.class, ForbiddenException.class})
    public Response classified(Throwable e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, JsonParseException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        return response(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request) {
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
            return response(jsonProblem(json, path(uri)));
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String title = statusType.getReasonPhrase() == null ? "Request error" : statusType.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is found at this address";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource is served as application/json only";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send " + expectedMediaType(request.getMethod(), path(uri));
            default -> title;
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, path(uri), List.of()));
        if (status == 405) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    /**
     * The body type the refused request should have used, for the 415 detail. The routing layer does not say which
     * method it would have matched, so this mirrors the API's own convention: merge patches for PATCH, multipart
     * for uploads, JSON for the rest.
     */
    static String expectedMediaType(String method, String path) {
        if ("PATCH".equals(method)) {
            return "application/merge-patch+json";
        }
        if ("POST".equals(method) && path != null && path.replaceAll("/+$", "").equals("/api/v1/assets")) {
            return "multipart/form-data";
        }
        return "application/json";
    }

    /** Everything else: what {@link Failures} recognises, or a 500 whose stack trace goes to the log once. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isMultipartParseFailure(e)) {
            return response(Problem.of(400, "request.malformed-multipart", "Malformed multipart body",
                    "The request body is not a complete, well-formed multipart/form-data body", path(uri), List.of()));
        }
        var known = Failures.classify(e, path(uri));
        if (known.isPresent()) {
            return response(known.get());
        }
        String correlationId = RequestIds.current();
        LOG.errorf(e, "Unexpected error %s on %s", correlationId, path(uri));
        return response(Problem.of(500, "server.error", "Internal server error",
                "Something went wrong on our side", path(uri), List.of()).withCorrelationId(correlationId));
    }

    /**
     * Thrown by the REST layer's own multipart parser before any resource method runs (a body that ends before its
     * closing boundary, a boundary that never occurs, a part header it cannot read): the client's mistake, a 400.
     * Any other failure of the same type stays a server error.
     */
    static boolean isMultipartParseFailure(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return e instanceof Exception && frames.length > 0
                && frames[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
    }

    static Problem jsonProblem(JsonProcessingException e, String instance) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof KopijException kopij) {
                return Failures.classify(kopij, instance).orElseThrow(); // e.g. a body over the limit while read
            }
        }
        if (e instanceof JsonParseException) {
            return Problem.of(400, "request.malformed-json", "Malformed JSON",
                    "The request body is not valid JSON", instance, List.of());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof StrictJson.TextRefusedException text) {
                message = text.reason();
            } else if (e instanceof InvalidFormatException format) {
                message = "must be a valid " + simpleTypeName(format.getTargetType());
            } else if (mapping.getPath().isEmpty()) {
                message = "must be a JSON object";
            } else {
                message = "has the wrong type";
            }
            if (field.isEmpty()) {
                String detail = String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")
                        ? "The request body has content after the JSON document"
                        : "The request body does not have the expected shape";
                return Problem.of(400, "request.malformed-json", "Malformed JSON", detail, instance, List.of());
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
        if (type == UUID.class) {
            return "UUID";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
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

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** The problem as an answer, with the headers its status calls for (Retry-After, WWW-Authenticate). */
    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        Failures.retryAfter(problem).ifPresent(seconds -> builder.header("Retry-After", seconds));
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
