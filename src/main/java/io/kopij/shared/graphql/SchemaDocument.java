package io.kopij.shared.graphql;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import io.quarkus.arc.Arc;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Serves the GraphQL contract as SDL at {@code /graphql/schema.graphql} (committed as openapi/schema.graphql).
 * SmallRye prints either no directives or every definition it knows (including {@code @constraint}, which drags
 * in {@code BigInteger} and {@code BigDecimal}); codegen tools need a complete document that declares the scalars
 * it uses and carries {@code @specifiedBy} and {@code @deprecated}, and nothing else.
 */
@ApplicationScoped
class SchemaDocument {

    static final String PATH = GraphQLEndpoint.PATH + "/schema.graphql";

    /** Applied directives that tell clients something: the rest (e.g. {@code @rolesAllowed}) is server detail. */
    private static final Set<String> PRINTED_DIRECTIVES = Set.of("specifiedBy", "deprecated", "oneOf");

    /** Scalars SmallRye registers for its own directives; no field of Kopij's uses them. */
    private static final Set<String> UNUSED_SCALARS = Set.of("BigInteger", "BigDecimal");

    private volatile String printed;

    void route(@Observes Router router) {
        // The same switch that hides SmallRye's own schema route hides this one (production may turn it off).
        if (ConfigProvider.getConfig().getOptionalValue("quarkus.smallrye-graphql.schema-available", Boolean.class)
                .orElse(true)) {
            router.get(PATH).order(-60).handler(this::answer);
        }
    }

    private void answer(RoutingContext context) {
        context.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(printed());
    }

    String printed() {
        String result = printed;
        if (result == null) {
            result = print(Arc.container().instance(GraphQLSchema.class).get());
            printed = result;
        }
        return result;
    }

    static String print(GraphQLSchema schema) {
        SchemaPrinter.Options options = SchemaPrinter.Options.defaultOptions()
                .descriptionsAsHashComments(false)
                .useAstDefinitions(false)
                .includeIntrospectionTypes(false)
                .includeSchemaDefinition(false)
                .includeScalarTypes(true)
                .includeDirectiveDefinitions(false)
                .includeDirectives(PRINTED_DIRECTIVES::contains)
                .includeSchemaElement(element -> !(element instanceof GraphQLScalarType scalar
                        && UNUSED_SCALARS.contains(scalar.getName())));
        return new SchemaPrinter(options).print(schema);
    }
}
