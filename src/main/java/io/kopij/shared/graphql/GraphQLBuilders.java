package io.kopij.shared.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hands SmallRye's schema and GraphQL builders to Kopij (the contract's scalars, the query limits and cache-key
 * instrumentation) through SmallRye's service-loader SPI (META-INF/services), not through CDI events. With
 * {@code quarkus.smallrye-graphql.events.enabled}, SmallRye also fires a CDI event before every data fetch and
 * method call, and ArC resolves the observers of each one anew: about 15 % of the CPU of a GraphQL list request
 * (measured with JFR on the benchmark's case B). Kopij needs only the two build-time hooks.
 */
public class GraphQLBuilders implements EventingService {

    /** No key: always on. */
    @Override
    public String getConfigKey() {
        return null;
    }

    /** One build of SmallRye's schema, then the contract's scalars and the direct field fetchers on it. */
    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema contract = ContractScalars.contract(builder.build());
        return builder.query(contract.getQueryType())
                .mutation(contract.getMutationType())
                .subscription(contract.getSubscriptionType())
                .clearAdditionalTypes()
                .additionalTypes(contract.getAdditionalTypes())
                .codeRegistry(DirectFieldFetchers.direct(contract));
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Arc.container().instance(GraphQLLimits.class).get().addLimits(builder);
        return builder;
    }
}
