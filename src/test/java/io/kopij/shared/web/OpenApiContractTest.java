package io.kopij.shared.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (openapi/openapi.yaml) must equal what the running application serves. When the API
 * changes on purpose, copy target/openapi-served.yaml over openapi/openapi.yaml and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedSpecMatchesRunningSpec() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path actual = Path.of("target", "openapi-served.yaml");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, served, StandardCharsets.UTF_8);
        Path committed = Path.of("openapi", "openapi.yaml");
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(expected, served, "openapi/openapi.yaml is out of date: review and copy " + actual
                + " over it");
    }
}
