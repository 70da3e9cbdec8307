package io.kopij.hardening;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.editor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * GraphQL requests that used to cost exponential CPU or answer 500 with a stack trace, and protocol-level refusals
 * that used to answer without a body: all refused fast, with a stable code.
 */
@QuarkusTest
class GraphQLAndProtocolTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void fortyChainedFragmentsAreRefusedFast() {
        String bomb = GraphQLFuzzer.fragmentBomb(40);
        long started = System.nanoTime();
        anonymous().contentType("application/json").body(Map.of("query", bomb)).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code",
                        anyOf(is("graphql.query-too-expensive"), is("graphql.too-many-root-fields")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 100, "took " + millis + " ms");
    }

    @Test
    void fragmentsAtTheRootCountAsRootFields() {
        StringBuilder query = new StringBuilder("query { ...F0 }");
        for (int i = 0; i < 20; i++) {
            query.append(" fragment F").append(i).append(" on Query { a").append(i).append(": __typename")
                    .append(i < 19 ? " ...F" + (i + 1) : "").append(" }");
        }
        anonymous().contentType("application/json").body(Map.of("query", query.toString())).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", is("graphql.too-many-root-fields"));
    }

    @Test
    void malformedGraphQLRequestsAreRefusedWithCodesAndNoJavaNames() {
        for (String body : new String[] {"{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
                "{\"query\": \"{ __typename }\", \"variables\": [1]}", "{\"query\": \"{ __typename }\", \"variables\": 5}",
                "{\"query\": \"{ __typename }\", \"operationName\": {}}", "{\"query\": 5}"}) {
            anonymous().contentType("application/json").body(body).post("/graphql").then()
                    .statusCode(400).body("errors[0].extensions.code", is("graphql.request"));
        }
        anonymous().contentType("application/json").body("{\"query\": \"{ articles(\"}").post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", is("graphql.syntax"));
        anonymous().accept("application/graphql-response+json").contentType("application/json")
                .body("{\"query\": \"{ nosuchfield }\"}").post("/graphql").then()
                .statusCode(400).body("errors[0].extensions.code", is("graphql.validation"));
        anonymous().contentType("application/json")
                .body(Map.of("query", "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }",
                        "variables", Map.of("f", Map.of("nosuch", 1))))
                .post("/graphql").then().statusCode(200)
                .body("errors.extensions.code", everyItem(is("graphql.variables")))
                .body("errors[0].message", not(containsString("io.kopij")))
                .body("errors[0].extensions", not(Matchers.hasKey("classification")));
    }

    @Test
    void aGraphQLReadWithAnInvalidTokenIs401() {
        given().auth().oauth2("not-a-token").contentType("application/json")
                .body(Map.of("query", "{ articles { totalCount } }")).post("/graphql").then()
                .statusCode(401).contentType("application/problem+json").body("code", is("auth.unauthorized"));
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsWhateverTheEncoding() throws Exception {
        String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        editor().contentType("application/json").body(big).post(ARTICLES).then()
                .statusCode(413).contentType("application/problem+json").body("code", is("request.too-large"));
        anonymous().contentType("application/json").body(Map.of("query", "{ __typename }", "x", "y".repeat(1_100_000)))
                .post("/graphql").then().statusCode(413).contentType("application/problem+json")
                .body("code", is("request.too-large"));
        // Chunked (no Content-Length): counted as it arrives.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("api/v1/articles"))
                        .header("Content-Type", "application/json").header("X-Test-User", "ed-itor:editor")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> chunkedGraphQL = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                ("{\"query\": \"{ __typename }\", \"x\": \"" + "y".repeat(1_100_000) + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunkedGraphQL.statusCode(), chunkedGraphQL.body());
    }

    @Test
    void longAddressesBigHeadersAndBadEncodingsAreProblems() throws Exception {
        anonymous().queryParam("q", "x".repeat(9000)).get(ARTICLES).then()
                .statusCode(414).contentType("application/problem+json").body("code", is("request.uri-too-long"));
        anonymous().header("X-Big", "y".repeat(17_000)).get(ARTICLES).then()
                .statusCode(431).contentType("application/problem+json").body("code", is("request.headers-too-large"));
        String raw = rawRequest("GET /api/v1/articles/by-slug/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        assertTrue(raw.contains("application/problem+json") && raw.contains("request.malformed-uri"), raw);
    }

    private String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
