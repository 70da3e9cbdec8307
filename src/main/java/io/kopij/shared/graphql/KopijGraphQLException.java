package io.kopij.shared.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.kopij.shared.error.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client error as GraphQL sees it. As a {@link GraphQLError} its extensions (code, status, fields) are copied into
 * the error's {@code extensions}; the message is the same detail a REST problem carries. No stack trace, no SQL.
 */
public class KopijGraphQLException extends RuntimeException implements GraphQLError {

    private final Map<String, Object> extensions;

    public KopijGraphQLException(int status, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code);
        ext.put("status", status);
        if (!errors.isEmpty()) {
            ext.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        this.extensions = Map.copyOf(ext);
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
