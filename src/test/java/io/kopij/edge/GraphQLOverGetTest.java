package io.kopij.edge;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.delivery.ContentWatermark;
import io.kopij.support.QuietScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.hibernate.SessionFactory;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * GraphQL for CDNs: queries over GET are cached like REST (Cache-Control, ETag/304, cache tags) for anonymous
 * callers and never for signed-in ones; mutations over GET are refused; Apollo automatic persisted queries work over
 * GET and POST, stored in PostgreSQL, with the hash checked.
 */
@QuarkusTest
class GraphQLOverGetTest {

    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    /** The content watermark's ETag, as REST answers carry it (PublicAnswers). */
    private static final String WATERMARK_TAG = "\"w\\d+\\.[0-9a-z]+\\.[0-9a-z]+\"";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ContentWatermark watermark;

    @Test
    void anonymousQueriesOverGetAreCacheableAndTagged() {
        String tag = "gql-get-" + unique();
        String id = createPublished(article("Via GET " + unique(), tag));
        String query = "query($tag: String) { articles(filter: {tags: [$tag]}) { edges { node { id title "
                + "authors { id name } } } } }";
        String variables = "{\"tag\":\"" + tag + "\"}";
        var answer = anonymous().queryParam("query", query).queryParam("variables", variables).get("/graphql")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PUBLIC)
                .header("ETag", matchesPattern(WATERMARK_TAG))
                .body("data.articles.edges[0].node.id", is(id))
                .body("extensions", nullValue())
                .extract();
        Set<String> keys = new TreeSet<>(Arrays.asList(answer.header("Surrogate-Key").split(" ")));
        String authorId = answer.path("data.articles.edges[0].node.authors[0].id");
        assertTrue(keys.containsAll(List.of("articles", "article:" + id, "author:" + authorId)), keys.toString());
        assertEquals(keys, new TreeSet<>(Arrays.asList(answer.header("Cache-Tag").split(","))));
        // Revalidation as REST does it.
        anonymous().header("If-None-Match", answer.header("ETag")).queryParam("query", query)
                .queryParam("variables", variables).get("/graphql").then().statusCode(304)
                .header("ETag", answer.header("ETag")).header("Surrogate-Key", notNullValue()).body(equalTo(""));
    }

    /**
     * Issue 14's target (GraphQL over GET revalidated at least as fast as REST's 304s): the answer is kept under the
     * content watermark like REST's, so the same query again, and its revalidation, run no SQL; a publish through a
     * GraphQL mutation moves the tag and the writer's next GET shows it.
     */
    @Test
    void repeatedQueriesAndRevalidationsAreAnsweredFromTheWatermark() {
        String tag = "gql-wm-" + unique();
        createPublished(article("Watermerk " + unique(), tag));
        await().atMost(Duration.ofSeconds(5)).until(() -> watermark.current() == watermark.refresh());
        String query = "query($tag: String) { articles(filter: {tags: [$tag]}) { edges { node { id title } } } }";
        String variables = "{\"tag\":\"" + tag + "\"}";
        var first = anonymous().queryParam("query", query).queryParam("variables", variables).get("/graphql")
                .then().statusCode(200).header("ETag", matchesPattern(WATERMARK_TAG)).extract();
        String etag = first.header("ETag");
        Response[] again = new Response[2];
        long statements = QuietScheduler.withoutScheduledJobs(() -> {
            long start = sessionFactory.getStatistics().getPrepareStatementCount();
            again[0] = anonymous().queryParam("variables", variables).queryParam("query", query).get("/graphql");
            again[1] = anonymous().header("If-None-Match", etag).queryParam("query", query)
                    .queryParam("variables", variables).get("/graphql");
            return sessionFactory.getStatistics().getPrepareStatementCount() - start;
        });
        assertEquals(0, statements, "a repeated GraphQL GET or its revalidation ran SQL");
        again[0].then().statusCode(200).header("ETag", is(etag)).header("Cache-Control", PUBLIC)
                .header("Surrogate-Key", is(first.header("Surrogate-Key")));
        assertEquals(first.asString(), again[0].asString());
        again[1].then().statusCode(304).header("ETag", is(etag)).header("Surrogate-Key", notNullValue());

        String second = editor().contentType(ContentType.JSON).body(Map.of("query",
                "mutation($input: ArticleInput!) { createArticle(input: $input) { id } }", "variables",
                Map.of("input", Map.of("title", "Tweede via GraphQL " + unique(), "lead", "Lead", "body", "Tekst",
                        "language", "nl", "tags", List.of(tag))))).post("/graphql").then().statusCode(200)
                .body("errors", nullValue()).extract().path("data.createArticle.id");
        editor().contentType(ContentType.JSON).body(Map.of("query",
                "mutation($id: ID!) { publishArticle(id: $id) { id } }", "variables", Map.of("id", second)))
                .post("/graphql").then().statusCode(200).body("errors", nullValue());
        anonymous().header("If-None-Match", etag).queryParam("query", query).queryParam("variables", variables)
                .get("/graphql").then().statusCode(200).header("ETag", not(is(etag)))
                .body("data.articles.edges.node.id", hasItem(second));
    }

    /**
     * GraphQL over POST (what Apollo Client sends by default) cannot be held by HTTP caches, but Kopij renders an
     * anonymous query once per change all the same: the same body again runs no SQL until public content changes;
     * signed-in callers, mutations and failed queries are never answered from it.
     */
    @Test
    void anonymousQueriesOverPostAreRenderedOncePerChange() {
        String tag = "gql-post-" + unique();
        createPublished(article("Via POST " + unique(), tag));
        await().atMost(Duration.ofSeconds(5)).until(() -> watermark.current() == watermark.refresh());
        Map<String, Object> body = Map.of("query",
                "query($tag: String) { articles(filter: {tags: [$tag]}) { edges { node { id title } } } }",
                "variables", Map.of("tag", tag));
        String first = anonymous().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200)
                .header("ETag", nullValue()).header("Cache-Control", nullValue())
                .body("data.articles.edges.size()", is(1)).extract().asString();
        String[] again = new String[1];
        long anonymousStatements = QuietScheduler.withoutScheduledJobs(() -> {
            long start = sessionFactory.getStatistics().getPrepareStatementCount();
            again[0] = anonymous().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200)
                    .contentType(ContentType.JSON).extract().asString();
            return sessionFactory.getStatistics().getPrepareStatementCount() - start;
        });
        assertEquals(0, anonymousStatements, "a repeated anonymous POST ran SQL");
        assertEquals(first, again[0]);
        long editorStatements = QuietScheduler.withoutScheduledJobs(() -> {
            long start = sessionFactory.getStatistics().getPrepareStatementCount();
            editor().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200)
                    .body("data.articles.edges.size()", is(1));
            return sessionFactory.getStatistics().getPrepareStatementCount() - start;
        });
        assertTrue(editorStatements > 0, "a signed-in caller got the anonymous answer");

        createPublished(article("Tweede via POST " + unique(), tag));
        anonymous().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200)
                .body("data.articles.edges.size()", is(2));
    }

    @Test
    void signedInCallersAndFailedQueriesAreNotShared() {
        String query = "{ articles(first: 1) { totalCount } }";
        editor().queryParam("query", query).get("/graphql").then().statusCode(200)
                .header("Cache-Control", "private, no-store").header("Surrogate-Key", nullValue())
                .header("ETag", nullValue());
        anonymous().queryParam("query", "{ revisions(articleId: \"" + java.util.UUID.randomUUID() + "\") { number } }")
                .get("/graphql").then().statusCode(200).header("Cache-Control", "no-store")
                .header("Surrogate-Key", nullValue()).body("errors", notNullValue());
        anonymous().queryParam("query", "{ article(id: \"" + java.util.UUID.randomUUID() + "\", previewToken: \"x\") { id } }")
                .get("/graphql").then().header("Surrogate-Key", nullValue()).header("Cache-Control", containsString("no-store"));
    }

    @Test
    void aMutationOverGetIsRefused() {
        anonymous().queryParam("query", "mutation { deleteTag(id: \"" + java.util.UUID.randomUUID() + "\") }")
                .get("/graphql").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "GET, POST").body("code", is("graphql.method-not-allowed"), "status", is(405));
    }

    @Test
    void automaticPersistedQueriesRoundTripOverGetAndPost() {
        String query = "{ tags(first: 1) { totalCount } # apq " + unique() + "\n}";
        String hash = sha256(query);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        // 1. The hash alone is unknown: Apollo's answer, HTTP 200, never cached.
        anonymous().queryParam("extensions", extensions).get("/graphql").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"),
                        "errors[0].message", is("PersistedQueryNotFound"));
        // 2. The query with its hash runs and is stored.
        anonymous().queryParam("query", query).queryParam("extensions", extensions).get("/graphql").then()
                .statusCode(200).body("data.tags.totalCount", notNullValue());
        // 3. The hash alone now runs it, over GET (cacheable) and POST, on any request.
        anonymous().queryParam("extensions", extensions).get("/graphql").then().statusCode(200)
                .header("Cache-Control", PUBLIC).header("Surrogate-Key", containsString("tags"))
                .body("data.tags.totalCount", notNullValue());
        anonymous().contentType(ContentType.JSON)
                .body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
                .post("/graphql").then().statusCode(200).body("data.tags.totalCount", notNullValue());
        // Stored in PostgreSQL, where every instance finds it.
        assertEquals(1L, io.kopij.event.OutboxRows.longValue("select count(*) from graphql_document where sha256 = ?", hash));
    }

    @Test
    void aWrongHashIsRefusedAndNothingIsStored() {
        String query = "{ authors(first: 1) { totalCount } # wrong " + unique() + "\n}";
        String wrong = sha256(query + " ");
        anonymous().queryParam("query", query)
                .queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + wrong + "\"}}")
                .get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", is("graphql.persisted-query-hash-mismatch"));
        anonymous().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + wrong + "\"}}")
                .get("/graphql").then().statusCode(200).body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
        anonymous().queryParam("extensions", "{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"" + wrong + "\"}}")
                .get("/graphql").then().statusCode(400).body("errors[0].extensions.code", is("graphql.request"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
