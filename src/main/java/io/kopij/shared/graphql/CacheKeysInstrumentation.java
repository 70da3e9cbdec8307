package io.kopij.shared.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import io.kopij.shared.cache.CacheTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the cache keys of what a query fetched ({@code article:<id>}, {@code author:<id>}, ...; see CacheKey), so
 * GraphQL over GET can carry the same cache tags as REST. A field that answers a list or a connection also adds
 * its family's coarse key ({@code articles} for {@code ArticleConnection} or {@code [RelatedArticle]}): a new member
 * changes it. The keys travel to Kopij's HTTP endpoint in the result's extensions under {@value #EXTENSION}, which
 * the endpoint takes out before it answers.
 */
public class CacheKeysInstrumentation extends SimplePerformantInstrumentation {

    public static final String EXTENSION = "kopij.cacheKeys";
    /**
     * GraphQL-context key set by the endpoint when the answer may be shared (an anonymous GET): only then are keys
     * collected, since every other answer is private or uncacheable and would pay for them for nothing.
     */
    public static final String COLLECT = "kopij.collectCacheKeys";

    static final class Keys implements InstrumentationState {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return Boolean.TRUE.equals(parameters.getExecutionInput().getGraphQLContext().get(COLLECT)) ? new Keys() : null;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof Keys keys) || parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        String coarse = coarseKey(parameters.getExecutionStepInfo().getType());
        return environment -> {
            if (coarse != null) {
                keys.keys.add(coarse);
            }
            Object value = fetcher.get(environment);
            if (value instanceof CompletionStage<?> stage) {
                return stage.thenApply(v -> {
                    collect(v, keys);
                    return v;
                });
            }
            collect(value, keys);
            return value;
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!(state instanceof Keys keys) || keys.keys.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        extensions.put(EXTENSION, List.copyOf(keys.keys));
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                .extensions(extensions).build());
    }

    private static void collect(Object value, Keys keys) {
        Object plain = value instanceof DataFetcherResult<?> wrapped ? wrapped.getData() : value;
        if (plain != null) {
            keys.keys.addAll(CacheTags.collect(plain).keys());
        }
    }

    /** {@code articles} for a list of Article (or RelatedArticle) and for ArticleConnection; null otherwise. */
    static String coarseKey(GraphQLOutputType type) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        String name;
        if (unwrapped instanceof GraphQLList list) {
            GraphQLType item = list.getWrappedType();
            item = item instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : item;
            name = item instanceof GraphQLObjectType object && !object.getName().endsWith("Edge") ? object.getName() : null;
        } else if (unwrapped instanceof GraphQLNamedType named && named.getName().endsWith("Connection")) {
            name = named.getName().substring(0, named.getName().length() - "Connection".length());
        } else {
            return null;
        }
        if (name == null || name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        int last = 0;
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                last = i;
            }
        }
        return name.substring(last).toLowerCase(Locale.ROOT) + "s";
    }
}
