package io.kopij.shared.graphql;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The schema SmallRye serves reads plain fields through Kopij's direct getters (DirectFieldFetchers), not through
 * SmallRye's per-field context: should SmallRye change shape, this fails instead of silently getting slower. What
 * the fields answer (formats, nulls, nested objects) is covered by the GraphQL API tests.
 */
@QuarkusTest
class DirectFieldFetchersTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void plainFieldsOfTheServedSchemaUseDirectGetters() {
        for (String coordinates : new String[] {"Article.title", "Article.publishedAt", "Article.version",
                "Author.name", "Tag.slug", "ArticleConnection.totalCount"}) {
            String[] parts = coordinates.split("\\.");
            GraphQLObjectType type = schema.getObjectType(parts[0]);
            var fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type,
                    type.getFieldDefinition(parts[1])), type.getFieldDefinition(parts[1]));
            assertInstanceOf(DirectFieldFetchers.Getter.class, fetcher, coordinates);
        }
    }
}
