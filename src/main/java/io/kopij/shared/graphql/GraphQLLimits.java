package io.kopij.shared.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.kopij.shared.config.KopijConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Adds Kopij's query limits (kopij.graphql.*) in front of SmallRye's own instrumentation when SmallRye builds its
 * GraphQL engine (it fires the builder as a CDI event). SmallRye's chain is kept: it also drives its query cache.
 */
@ApplicationScoped
public class GraphQLLimits {

    private static final Logger LOG = Logger.getLogger(GraphQLLimits.class);

    private final KopijConfig.GraphQL config;

    GraphQLLimits(KopijConfig config) {
        this.config = config.graphql();
    }

    void addLimits(@Observes GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new QueryLimitsInstrumentation(this));
        chain.add(new MaxQueryComplexityInstrumentation(config.maxCost(), new PageSizeComplexity(), info -> {
            throw new QueryLimitExceededException("graphql.query-too-expensive",
                    "The query costs " + info.getComplexity() + " (page sizes count); the limit is " + config.maxCost());
        }));
        currentInstrumentation(builder).ifPresent(chain::add);
        builder.instrumentation(new ChainedInstrumentation(chain));
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

    int maxQueryLength() {
        return config.maxQueryLength();
    }

    int maxDepth() {
        return config.maxDepth();
    }

    int maxAliases() {
        return config.maxAliases();
    }

    int maxRootFields() {
        return config.maxRootFields();
    }
}
