package io.kopij.shared.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed GraphQL contract (openapi/schema.graphql) must equal the running schema, and must build on its own
 * as codegen tools build it (every scalar declared). After a deliberate change, copy target/schema-served.graphql
 * over it and review the diff.
 */
@QuarkusTest
class GraphQLSchemaContractTest {

    private static final Path COMMITTED = Path.of("openapi", "schema.graphql");

    @Test
    void committedSchemaMatchesRunningSchema() throws Exception {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Path actual = Path.of("target", "schema-served.graphql");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, served, StandardCharsets.UTF_8);
        String expected = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(expected, served, "openapi/schema.graphql is out of date: review and copy " + actual + " over it");
    }

    /** What graphql-js buildSchema and graphql-codegen do with the file: it must be a complete schema. */
    @Test
    void committedSchemaBuildsStandalone() throws Exception {
        GraphQLSchema schema = standalone();
        assertEquals("https://scalars.graphql.org/andimarek/date-time",
                ((GraphQLScalarType) schema.getType("DateTime")).getSpecifiedByUrl());
        assertEquals(null, schema.getType("BigInteger"), "64-bit integers are the Long scalar");
    }

    /** Lists in answers are [X!]!: a client never has to handle a null list or a null item. */
    @Test
    void answerListsAreNonNullListsOfNonNullItems() throws Exception {
        List<String> loose = new ArrayList<>();
        for (GraphQLType type : standalone().getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (isLooseList(field.getType())) {
                        loose.add(object.getName() + "." + field.getName() + ": "
                                + GraphQLTypeUtil.simplePrint(field.getType()));
                    }
                }
            }
        }
        assertEquals(List.of(), loose);
    }

    private static boolean isLooseList(GraphQLType type) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (!(unwrapped instanceof GraphQLList list)) {
            return false;
        }
        return !(type instanceof GraphQLNonNull) || !(list.getWrappedType() instanceof GraphQLNonNull);
    }

    private static GraphQLSchema standalone() throws Exception {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(COMMITTED, StandardCharsets.UTF_8)));
    }
}
