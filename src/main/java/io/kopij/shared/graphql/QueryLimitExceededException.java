package io.kopij.shared.graphql;

import graphql.execution.AbortExecutionException;
import java.util.Map;

/** A query refused before execution, so before any SQL runs. */
public class QueryLimitExceededException extends AbortExecutionException {

    private final Map<String, Object> extensions;

    public QueryLimitExceededException(String code, String message) {
        super(message);
        this.extensions = Map.of("code", code, "status", 400);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
