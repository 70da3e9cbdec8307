package io.kopij.shared.graphql;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The custom scalars of the GraphQL contract, named and described so generated clients can type them. SmallRye
 * maps Java {@code long} to a scalar it calls {@code BigInteger}, which codegen tools read as an arbitrary-precision
 * number (and graphql-js cannot build the printed schema without its declaration); Kopij's values are 64-bit
 * integers written as JSON numbers, so the contract calls the scalar {@code Long}. {@code DateTime} gets its
 * {@code @specifiedBy} URL. The scalars keep SmallRye's coercion: only name, description and specifiedBy change.
 */
final class ContractScalars {

    private static final String DATE_TIME_SPEC = "https://scalars.graphql.org/andimarek/date-time";

    private ContractScalars() {
    }

    /** The schema SmallRye built, with the contract's scalars in place of SmallRye's. */
    static GraphQLSchema contract(GraphQLSchema built) {
        return SchemaTransformer.transformSchema(built, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                    TraverserContext<GraphQLSchemaElement> context) {
                GraphQLScalarType replacement = contractScalar(scalar);
                return replacement == scalar ? TraversalControl.CONTINUE : changeNode(context, replacement);
            }
        });
    }

    static GraphQLScalarType contractScalar(GraphQLScalarType scalar) {
        return switch (scalar.getName()) {
            case "BigInteger" -> GraphQLScalarType.newScalar(scalar).name("Long")
                    .description("A 64-bit signed integer, written as a JSON number (e.g. a version or a total). "
                            + "Values stay below 2^53, so JavaScript numbers hold them exactly.")
                    .build();
            case "DateTime" -> GraphQLScalarType.newScalar(scalar)
                    .description("An instant as an RFC 3339 / ISO-8601 string in UTC, e.g. 2026-12-03T09:30:00Z")
                    .specifiedByUrl(DATE_TIME_SPEC)
                    // Printers show applied directives only, not the URL field.
                    .withAppliedDirective(GraphQLAppliedDirective.newDirective().name("specifiedBy")
                            .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url")
                                    .type(GraphQLNonNull.nonNull(Scalars.GraphQLString))
                                    .valueProgrammatic(DATE_TIME_SPEC).build())
                            .build())
                    .build();
            default -> scalar;
        };
    }
}
