package io.kopij.hardening;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.TAGS;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Races that used to make clients retry, and credentials that used to be ignored on reads. */
@QuarkusTest
class RacesAndCredentialsTest {

    @Test
    void thirtyConcurrentCreatesWithOneTitleAllSucceedWithDistinctSlugs() throws Exception {
        String title = "Tegelijk dezelfde titel " + unique();
        String newTag = "Nieuwe tag " + unique();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Callable<Response> create = () -> {
                start.await();
                return editor().contentType(ContentType.JSON).body(article(title, newTag)).post(ARTICLES);
            };
            answers.add(pool.submit(create));
        }
        start.countDown();
        Set<String> slugs = new HashSet<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get(60, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.asString());
            slugs.add(response.path("slug"));
        }
        pool.shutdown();
        assertEquals(30, slugs.size(), "slugs: " + slugs);
        // One new tag, however many editors named it at once.
        anonymous().queryParam("limit", 100).get(TAGS).then().body("data.findAll { it.name == '" + newTag + "' }.size()", is(1));
    }

    @Test
    void aReadWithAnInvalidTokenIsRefusedNotServedAsAnonymous() {
        String id = createPublished(article("Token " + unique()));
        given().auth().oauth2("not-a-token").get(ARTICLES + "/" + id).then().statusCode(401)
                .contentType("application/problem+json").body("code", is("auth.unauthorized"))
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("a.b.c").get(ARTICLES).then().statusCode(401);
        anonymous().get(ARTICLES + "/" + id).then().statusCode(200);
    }

    @Test
    void highlightsStayBalancedWhenTheTextHoldsTheMarkerCharacters() {
        String word = "markering" + unique().replaceAll("[0-9]", "");
        String id = createPublished(Map.of("title", "Tekens " + unique(), "lead", "Hier staat \u27E6 een " + word
                + " \u27E7 tussen haken.", "body", "Meer \u27E7 tekst \u27E6.", "tags", List.of()));
        String highlight = anonymous().queryParam("q", word).get(ARTICLES).then().statusCode(200)
                .body("data.id", hasItem(id)).extract().path("data.find { it.id == '" + id + "' }.highlight");
        assertEquals(highlight.split("<mark>", -1).length, highlight.split("</mark>", -1).length, highlight);
        assertEquals(1, highlight.split("<mark>", -1).length - 1, highlight);
    }

    @Test
    void anAuthorKeepsLinksToDraftsTheyCannotSee() {
        var bob = as("bob-links-" + unique(), "author");
        String own = create(bob, article("Eigen stuk " + unique()));
        String editorsDraft = create(editor(), article("Concept redactie " + unique()));
        editor().contentType(ContentType.JSON).body(List.of(editorsDraft)).put(ARTICLES + "/" + own + "/related")
                .then().statusCode(200);
        String etag = bob.get(ARTICLES + "/" + own).then().statusCode(200).extract().header("ETag");
        bob.contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("lead", "Bijgewerkt"))
                .patch(ARTICLES + "/" + own).then().statusCode(200);
        editor().get(ARTICLES + "/" + own).then()
                .body("related.findAll { it.source == 'manual' }.id", contains(editorsDraft));
    }
}
