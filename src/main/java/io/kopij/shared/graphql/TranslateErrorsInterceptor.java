package io.kopij.shared.graphql;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleStateException;

/**
 * The GraphQL twin of the REST problem mappers: the same failures get the same codes. It runs outside the
 * security and transaction interceptors of the services it calls, so it sees their exceptions too.
 */
@TranslateErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class TranslateErrorsInterceptor {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (KopijGraphQLException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KopijException kopij) {
                return new KopijGraphQLException(kopij.status(), kopij.code(), kopij.detail(), kopij.errors());
            }
            if (cause instanceof OIDCException) {
                return new KopijGraphQLException(503, "auth.unavailable",
                        "The identity provider cannot be reached to check your token; retry shortly", List.of());
            }
            if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
                return new KopijGraphQLException(401, "auth.unauthorized", "Sign in: send a valid bearer token",
                        List.of());
            }
            if (cause instanceof ForbiddenException) {
                return new KopijGraphQLException(403, "auth.forbidden", "Your role does not allow this action",
                        List.of());
            }
            if (cause instanceof ConstraintViolationException violations) {
                List<FieldError> errors = new ArrayList<>();
                for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
                    errors.add(new FieldError(fieldName(v), v.getMessage()));
                }
                errors.sort(Comparator.comparing(FieldError::field));
                return new KopijGraphQLException(400, "request.invalid",
                        "The request has " + errors.size() + " invalid field(s)", errors);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return new KopijGraphQLException(412, "resource.version-conflict",
                        "The resource was changed by someone else at the same time", List.of());
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (var node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
                default -> {
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        parts.add(node.getName());
                    }
                }
            }
        }
        return String.join(".", parts);
    }
}
