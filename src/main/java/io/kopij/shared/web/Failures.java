package io.kopij.shared.web;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.ops.RequestIds;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * What a failure means for the client, decided once for REST (problem+json) and GraphQL (extensions.code):
 * the same exception gets the same status, code and detail on both APIs. Failures raised at commit time arrive
 * wrapped (RollbackException, ArcUndeclaredThrowableException), so the whole cause chain is examined.
 */
public final class Failures {

    private Failures() {
    }

    /** The problem for a failure the client can act on; empty for a genuine server error. */
    public static Optional<Problem> classify(Throwable failure, String instance) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KopijException kopij) {
                return Optional.of(Problem.of(kopij.status(), kopij.code(), kopij.title(), kopij.detail(), instance,
                        kopij.errors()));
            }
            if (cause instanceof OIDCException
                    || (cause instanceof AuthenticationFailedException && hasCause(cause, OIDCException.class))) {
                // Keycloak unreachable (or still starting in dev mode): only requests with a token are affected.
                return Optional.of(Problem.of(503, "auth.unavailable", "Sign-in temporarily unavailable",
                        "The identity provider cannot be reached to check your token; retry shortly. "
                                + "Reading published content works without a token.", instance, List.of()));
            }
            if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
                return Optional.of(Problem.of(401, "auth.unauthorized", "Unauthorized",
                        "Sign in: send a valid bearer token", instance, List.of()));
            }
            if (cause instanceof ForbiddenException) {
                return Optional.of(Problem.of(403, "auth.forbidden", "Forbidden",
                        "Your role does not allow this action", instance, List.of()));
            }
            if (cause instanceof ConstraintViolationException violations) {
                return Optional.of(validation(violations, instance));
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(Problem.of(412, "resource.version-conflict", "Version conflict",
                        "The resource was changed by someone else at the same time. Read it again and reapply "
                                + "your change.", instance, List.of()));
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return Optional.of(constraintProblem(violation.getSQLState(), instance));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return Optional.of(constraintProblem(sql.getSQLState(), instance));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                // Data exceptions (a value out of range or too long for its column) are what the client sent.
                return Optional.of(Problem.of(400, "request.invalid-value", "Invalid input",
                        "A value is outside what can be stored", instance, List.of()));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                // Serialization failure or deadlock: the write was rolled back whole and can simply be retried.
                return Optional.of(Problem.of(409, "resource.conflict", "Conflict",
                        "The change collided with a concurrent change and was not applied; retry it", instance,
                        List.of()));
            }
            if (isDatabaseUnavailable(cause)) {
                return Optional.of(Problem.of(503, "service.database-unavailable", "Service unavailable",
                        "The database cannot be reached right now; retry shortly", instance, List.of())
                        .withCorrelationId(RequestIds.current()));
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * A rule of the stored data refused the write (SQLSTATE class 23). Only a unique violation is a race worth
     * retrying (the services check uniqueness first, so a concurrent writer got there in between); a missing or
     * still-used reference and a broken check are about what the client asked for.
     */
    private static Problem constraintProblem(String sqlState, String instance) {
        return switch (sqlState == null ? "" : sqlState) {
            case "23505" -> Problem.of(409, "resource.conflict", "Conflict",
                    "The change conflicts with a concurrent change; retry it", instance, List.of());
            case "23503" -> Problem.of(409, "resource.reference-conflict", "Conflict",
                    "The change refers to something that does not exist, or removes something still in use",
                    instance, List.of());
            default -> Problem.of(422, "resource.rule-violated", "Unprocessable content",
                    "The change breaks a rule of the stored data", instance, List.of());
        };
    }

    /** Seconds a client should wait before retrying, for the problems that are worth retrying. */
    public static Optional<String> retryAfter(Problem problem) {
        return switch (problem.code()) {
            case "auth.unavailable" -> Optional.of("10");
            case "service.database-unavailable" -> Optional.of("5");
            default -> Optional.empty();
        };
    }

    private static Problem validation(ConstraintViolationException e, String instance) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return Problem.of(400, "request.invalid", "Invalid input",
                "The request has " + errors.size() + " invalid field(s)", instance, errors);
    }

    /**
     * Connection failures (SQLSTATE class 08), a server shutting down (57P) and an exhausted pool wait: the database
     * is away, not the request wrong. Fail fast with 503 so clients and load balancers retry.
     */
    private static boolean isDatabaseUnavailable(Throwable cause) {
        if (cause instanceof JDBCConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            return (state != null && (state.startsWith("08") || state.startsWith("57P")))
                    || message.contains("acquisition timeout");
        }
        return false;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
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
}
