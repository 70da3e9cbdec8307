package io.kopij.hardening;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.AUTHORS;
import static io.kopij.support.Api.TAGS;
import static io.kopij.support.Api.admin;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import io.kopij.shared.paging.Cursor;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Input that used to reach PostgreSQL or a parser and come back as a 500: now a 400 naming what was wrong. */
@QuarkusTest
class HostileInputTest {

    @Test
    void nulCharactersAndLoneSurrogatesAreRefusedInBodies() {
        refused(editor().contentType(ContentType.JSON).body("{\"title\": \"a\\u0000b\"}").post(ARTICLES).then(), "title");
        refused(editor().contentType(ContentType.JSON).body("{\"title\": \"a\\ud800b\"}").post(ARTICLES).then(), "title");
        refused(editor().contentType(ContentType.JSON).body("{\"title\": \"t\", \"tags\": [\"x\\u0000\"]}")
                .post(ARTICLES).then(), "tags[0]");
        refused(editor().contentType(ContentType.JSON)
                .body("{\"title\": \"t\", \"image\": {\"url\": \"https://x.nl/\\u0000\"}}").post(ARTICLES).then(),
                "image.url");
        refused(editor().contentType(ContentType.JSON).body("{\"name\": \"n\\udc00\"}").post(TAGS).then(), "name");
        refused(admin().contentType(ContentType.JSON).body("{\"name\": \"Ab\", \"bio\": \"\\u0000\"}")
                .post(AUTHORS).then(), "bio");
    }

    @Test
    void nulCharactersAreRefusedInParametersPathsAndCursors() {
        refused(anonymous().queryParam("q", "a\u0000b").get(ARTICLES).then(), "q");
        refused(anonymous().urlEncodingEnabled(false).get(ARTICLES + "/by-slug/a%00b").then(), "path");
        String cursor = new Cursor("-publishedAt", "2026-01-01T00:00:00Z\u0000", UUID.randomUUID()).encode();
        anonymous().queryParam("cursor", cursor).get(ARTICLES).then().statusCode(400)
                .contentType("application/problem+json").body("code", is("request.invalid-cursor"));
    }

    @Test
    void datesOutsideYearsOneToNineThousandAreRefused() {
        refused(anonymous().queryParam("publishedAfter", "+294277-01-01T00:00:00Z").get(ARTICLES).then(),
                "publishedAfter");
        refused(anonymous().queryParam("publishedBefore", "-4713-01-01").get(ARTICLES).then(), "publishedBefore");
        String far = new Cursor("-publishedAt", "+294277-01-01T00:00:00Z", UUID.randomUUID()).encode();
        anonymous().queryParam("cursor", far).get(ARTICLES).then().statusCode(400).body("code", is("request.invalid-cursor"));
        String huge = new Cursor("relevance", "1e39", UUID.randomUUID()).encode();
        anonymous().queryParam("q", "woord").queryParam("cursor", huge).get(ARTICLES).then().statusCode(400)
                .body("code", is("request.invalid-cursor"));
        String id = createPublished(article("Ver weg " + unique()));
        editor().post(ARTICLES + "/" + id + "/unpublish").then().statusCode(200);
        refused(editor().contentType(ContentType.JSON).body(Map.of("at", "+294277-01-01T00:00:00Z"))
                .post(ARTICLES + "/" + id + "/publish").then(), "at");
        editor().get(ARTICLES + "/" + id).then().body("status", is("draft"));
    }

    @Test
    void jsonIsReadStrictly() {
        editor().contentType(ContentType.JSON).body("{\"title\": \"x\"} garbage").post(ARTICLES).then()
                .statusCode(400).contentType("application/problem+json").body("code", is("request.malformed-json"));
        refused(editor().contentType(ContentType.JSON).body("{\"title\": 12345}").post(ARTICLES).then(), "title");
        refused(editor().contentType(ContentType.JSON).body("{\"title\": \"t\", \"featured\": 1}").post(ARTICLES).then(),
                "featured");
        refused(editor().contentType(ContentType.JSON).body("{\"title\": \"t\", \"featured\": \"true\"}")
                .post(ARTICLES).then(), "featured");
    }

    @Test
    void ifMatchComparesTheExactVersion() {
        String id = Api.create(editor(), article("Nul nul " + unique()));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"00\"")
                .body(Map.of("lead", "x")).patch(ARTICLES + "/" + id).then().statusCode(412)
                .body("code", is("article.version-conflict"));
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors[0].field", is(field));
    }
}
