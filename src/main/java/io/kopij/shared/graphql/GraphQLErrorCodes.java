package io.kopij.shared.graphql;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import io.kopij.shared.ops.RequestIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Every GraphQL error as clients see it: a message, locations and path where they apply, and {@code extensions}
 * with a stable {@code code} (the REST problem code where there is one), a numeric {@code status} where the error
 * has one, and {@code errors} [{field, message}] for invalid input. graphql-java's {@code classification} is not
 * part of the contract, and no message names a Java class.
 */
final class GraphQLErrorCodes {

    private static final Logger LOG = Logger.getLogger(GraphQLErrorCodes.class);
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jakarta|io|org|com)\\.[a-z]+\\.[\\w.$]*");

    private GraphQLErrorCodes() {
    }

    /** Whether the errors mean the request could not run at all (a 4xx for application/graphql-response+json). */
    static boolean isRequestError(List<GraphQLError> errors, boolean dataPresent) {
        return !dataPresent && !errors.isEmpty() && errors.stream().allMatch(e -> {
            String code = code(e);
            return code.startsWith("graphql.") && !code.equals("graphql.error");
        });
    }

    static Map<String, Object> toSpecification(GraphQLError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        String code = code(error);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        Map<String, Object> own = ownExtensions(error);
        Object status = own.get("status");
        if (status instanceof Number number) {
            extensions.put("status", number.intValue());
        } else if (status != null) {
            try {
                extensions.put("status", Integer.parseInt(status.toString()));
            } catch (NumberFormatException ignored) {
                // not a status
            }
        }
        if (own.get("errors") instanceof List<?> fieldErrors) {
            extensions.put("errors", fieldErrors);
        }
        if (own.get("correlationId") != null) {
            extensions.put("correlationId", own.get("correlationId"));
        }
        if (code.equals("server.error")) {
            String correlationId = RequestIds.current();
            extensions.put("correlationId", correlationId);
            Throwable cause = error instanceof ExceptionWhileDataFetching fetching ? fetching.getException() : null;
            LOG.errorf(cause, "Unexpected GraphQL error %s: %s", correlationId, error.getMessage());
            out.put("message", "Something went wrong on our side");
        } else {
            out.put("message", readable(error.getMessage()));
        }
        List<SourceLocation> locations = error.getLocations();
        if (locations != null && !locations.isEmpty()) {
            out.put("locations", locations.stream()
                    .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
        }
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            out.put("path", error.getPath());
        }
        out.put("extensions", extensions);
        return out;
    }

    /** The stable code of an error. */
    static String code(GraphQLError error) {
        Object own = ownExtensions(error).get("code");
        if (own instanceof String code && !code.isBlank()) {
            return code;
        }
        if (isCoercion(error)) {
            return "graphql.variables";
        }
        if (error instanceof ValidationError || error.getErrorType() == ErrorType.ValidationError) {
            return "graphql.validation";
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return "graphql.syntax";
        }
        if (error.getErrorType() == ErrorType.OperationNotSupported) {
            return "graphql.validation";
        }
        return "server.error";
    }

    private static boolean isCoercion(GraphQLError error) {
        return error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException
                || error.getClass().getSimpleName().startsWith("InputMapDefinesTooManyFields")
                || (error.getMessage() != null && error.getMessage().startsWith("Variable '"));
    }

    /** Extensions set by Kopij's own errors, also when graphql-java wrapped them. */
    private static Map<String, Object> ownExtensions(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching && fetching.getException() instanceof GraphQLError own
                && own.getExtensions() != null) {
            return own.getExtensions();
        }
        return error.getExtensions() == null ? Map.of() : error.getExtensions();
    }

    /** graphql-java and SmallRye sometimes put Java type names into messages: never to the client. */
    private static String readable(String message) {
        if (message == null) {
            return "Invalid request";
        }
        return JAVA_NAME.matcher(message).replaceAll("(input)");
    }
}
