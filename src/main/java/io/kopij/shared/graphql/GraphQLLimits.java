package io.kopij.shared.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.kopij.shared.config.KopijConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Kopij's query limits (kopij.graphql.*): length, depth, cost, aliases and root fields. The HTTP endpoint checks
 * them before a request reaches graphql-java; an instrumentation added to SmallRye's engine checks them again for
 * every other way in (subscriptions over WebSocket) and for cached documents run with other variables. SmallRye's
 * own instrumentation chain is kept: it also drives its document cache.
 */
@ApplicationScoped
public class GraphQLLimits {

    private static final Logger LOG = Logger.getLogger(GraphQLLimits.class);

    private final KopijConfig.GraphQL config;

    GraphQLLimits(KopijConfig config) {
        this.config = config.graphql();
    }

    void addLimits(GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new QueryLimitsInstrumentation(this));
        chain.add(new CacheKeysInstrumentation());
        currentInstrumentation(builder).ifPresent(chain::add);
        builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /** Refuses a query text over the length limit. */
    public void checkLength(String query) {
        if (query != null && query.length() > config.maxQueryLength()) {
            throw new QueryLimitExceededException("graphql.query-too-long",
                    "The query has " + query.length() + " characters; the limit is " + config.maxQueryLength());
        }
    }

    /** Measures the operation (each fragment once) and refuses it when it is over a limit. */
    public QueryAnalysis.Result check(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables) {
        QueryAnalysis.Result size = QueryAnalysis.of(schema, document, operation, variables);
        if (size.rootFields() > config.maxRootFields()) {
            throw new QueryLimitExceededException("graphql.too-many-root-fields",
                    "The query asks for " + size.rootFields() + " root fields; the limit is " + config.maxRootFields());
        }
        if (size.aliases() > config.maxAliases()) {
            throw new QueryLimitExceededException("graphql.too-many-aliases",
                    "The query uses " + size.aliases() + " aliases; the limit is " + config.maxAliases());
        }
        if (size.depth() > config.maxDepth()) {
            throw new QueryLimitExceededException("graphql.query-too-deep",
                    "The query is " + size.depth() + " levels deep; the limit is " + config.maxDepth());
        }
        if (size.cost() > config.maxCost()) {
            throw new QueryLimitExceededException("graphql.query-too-expensive",
                    "The query costs " + size.cost() + " (page sizes count); the limit is " + config.maxCost());
        }
        return size;
    }

    /** graphql-java's builder has no getter; SmallRye has already set its chain, which must not be lost. */
    private static Optional<Instrumentation> currentInstrumentation(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return Optional.ofNullable((Instrumentation) field.get(builder));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not keep SmallRye's GraphQL instrumentation; its query cache is off", e);
            return Optional.empty();
        }
    }
}
