package io.kopij.shared.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed GraphQL contract (openapi/schema.graphql) must equal the running schema. After a deliberate
 * change, copy target/schema-served.graphql over it and review the diff.
 */
@QuarkusTest
class GraphQLSchemaContractTest {

    @Test
    void committedSchemaMatchesRunningSchema() throws Exception {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Path actual = Path.of("target", "schema-served.graphql");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, served, StandardCharsets.UTF_8);
        Path committed = Path.of("openapi", "schema.graphql");
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(expected, served, "openapi/schema.graphql is out of date: review and copy " + actual + " over it");
    }
}
