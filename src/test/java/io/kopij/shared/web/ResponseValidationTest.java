package io.kopij.shared.web;

import static io.kopij.support.Api.article;
import static io.kopij.support.Api.unique;
import static io.restassured.RestAssured.given;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.kopij.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Real requests and responses, checked against the committed contract (openapi/openapi.yaml): every documented
 * status, header and body shape must be what the application really sends, so the spec and the behaviour cannot
 * drift apart. Writes use tokens the test Keycloak issued, as the spec's bearer scheme requires.
 */
@QuarkusTest
class ResponseValidationTest {

    /** What a well-behaved client sends: it also understands problem details. */
    private static final String ACCEPT = "application/json, application/problem+json";

    /** Requests are checked too; only the deliberately unauthenticated ones may lack the bearer token. */
    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/openapi.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security.missing",
                                    ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /** For requests that are invalid on purpose: only the answer is checked against the contract. */
    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/openapi.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private static RequestSpecification reader() {
        return given().filter(CONTRACT).accept(ACCEPT);
    }

    private static RequestSpecification as(String user) {
        return given().filter(CONTRACT).accept(ACCEPT).header("Authorization", "Bearer " + Tokens.of(user));
    }

    @Test
    void articleLifecycleMatchesTheContract() {
        String tag = "contract-" + unique();
        var input = article("Contract " + unique(), tag);
        input.put("image", Map.of("url", "https://cdn.example.nl/c.jpg", "alt", "Alt"));
        String id = as("alice").contentType(ContentType.JSON).body(input).post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
        String etag = as("alice").get("/api/v1/articles/" + id).then().statusCode(200).extract().header("ETag");
        as("alice").contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("lead", "Nieuw")).patch("/api/v1/articles/" + id).then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(Map.of()).post("/api/v1/articles/" + id + "/publish")
                .then().statusCode(200);
        String slug = reader().get("/api/v1/articles/" + id).then().statusCode(200).extract().path("slug");
        reader().get("/api/v1/articles/by-slug/" + slug).then().statusCode(200);
        reader().queryParam("tag", tag).get("/api/v1/articles").then().statusCode(200);
        reader().queryParam("q", "contract").queryParam("limit", 5).get("/api/v1/articles").then().statusCode(200);
        reader().get("/api/v1/articles/" + id + "/related").then().statusCode(200);
        as("alice").get("/api/v1/articles/" + id + "/revisions").then().statusCode(200);
        as("alice").get("/api/v1/articles/" + id + "/revisions/1").then().statusCode(200);
        as("alice").get("/api/v1/articles/" + id + "/revisions/2/diff").then().statusCode(200);
        as("alice").post("/api/v1/articles/" + id + "/preview-token").then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(List.of()).put("/api/v1/articles/" + id + "/related")
                .then().statusCode(200);
        as("alice").post("/api/v1/articles/" + id + "/archive").then().statusCode(200);
        as("alice").post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        as("alice").delete("/api/v1/articles/" + id).then().statusCode(204);
    }

    @Test
    void authorsTagsAndMeMatchTheContract() {
        reader().get("/api/v1/authors").then().statusCode(200);
        reader().get("/api/v1/tags").then().statusCode(200);
        String tag = as("alice").contentType(ContentType.JSON).body(Map.of("name", "Contract " + unique()))
                .post("/api/v1/tags").then().statusCode(201).extract().path("id");
        reader().get("/api/v1/tags/" + tag).then().statusCode(200);
        String author = as("dave").contentType(ContentType.JSON).body(Map.of("name", "Contract " + unique()))
                .post("/api/v1/authors").then().statusCode(201).extract().path("id");
        reader().get("/api/v1/authors/" + author).then().statusCode(200);
        as("bob").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void problemsMatchTheContract() {
        reader().get("/api/v1/articles/" + UUID.randomUUID()).then().statusCode(404);
        given().filter(RESPONSES_ONLY).accept(ACCEPT).queryParam("limit", "1000").get("/api/v1/articles").then().statusCode(400);
        reader().contentType(ContentType.JSON).body(article("x")).post("/api/v1/articles").then().statusCode(401);
        as("bob").contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v1/tags").then().statusCode(403);
        given().filter(RESPONSES_ONLY).accept(ACCEPT).header("Authorization", "Bearer " + Tokens.of("alice"))
                .contentType(ContentType.JSON).body(Map.of("title", " ")).post("/api/v1/articles").then().statusCode(400);
        given().filter(RESPONSES_ONLY).accept(ACCEPT).header("Authorization", "Bearer " + Tokens.of("alice"))
                .contentType(ContentType.JSON).body("{").post("/api/v1/articles").then().statusCode(400);
    }
}
