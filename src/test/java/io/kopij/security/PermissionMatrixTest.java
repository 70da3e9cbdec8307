package io.kopij.security;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.unique;
import static io.kopij.support.Api.withToken;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.kopij.shared.text.Slugs;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's "Who may do what", every action for anonymous, author (own), author (another's), editor and admin,
 * with access tokens issued by the real Keycloak (password grant): alice editor, bob and erin authors, dave admin.
 * Every refused write is checked to have changed nothing.
 */
@QuarkusTest
class PermissionMatrixTest {

    private static RequestSpecification alice() {
        return withToken("alice");
    }

    private static RequestSpecification bob() {
        return withToken("bob");
    }

    private static RequestSpecification erin() {
        return withToken("erin");
    }

    private static RequestSpecification dave() {
        return withToken("dave");
    }

    @Test
    void readPublished() {
        String id = publishedByAlice();
        for (Supplier<RequestSpecification> caller : List.<Supplier<RequestSpecification>>of(
                Api::anonymous, PermissionMatrixTest::bob, PermissionMatrixTest::erin,
                PermissionMatrixTest::alice, PermissionMatrixTest::dave)) {
            caller.get().get(ARTICLES + "/" + id).then().statusCode(200).body("id", is(id));
        }
    }

    @Test
    void readDraftsScheduledArchived() {
        String draft = draftByBob();
        anonymous().get(ARTICLES + "/" + draft).then().statusCode(404).contentType("application/problem+json");
        bob().get(ARTICLES + "/" + draft).then().statusCode(200);
        erin().get(ARTICLES + "/" + draft).then().statusCode(404);
        alice().get(ARTICLES + "/" + draft).then().statusCode(200);
        dave().get(ARTICLES + "/" + draft).then().statusCode(200);
        String archived = publishedByAlice();
        alice().post(ARTICLES + "/" + archived + "/archive").then().statusCode(200);
        anonymous().get(ARTICLES + "/" + archived).then().statusCode(404);
        erin().get(ARTICLES + "/" + archived).then().statusCode(404);
        dave().get(ARTICLES + "/" + archived).then().statusCode(200);
        anonymous().queryParam("status", "draft").get(ARTICLES).then().statusCode(401);
    }

    @Test
    void createArticle() {
        String anonTitle = "Anoniem " + unique();
        anonymous().contentType(ContentType.JSON).body(article(anonTitle)).post(ARTICLES).then().statusCode(401)
                .contentType("application/problem+json");
        String noRoleTitle = "Zonder rol " + unique();
        withToken("nora").contentType(ContentType.JSON).body(article(noRoleTitle)).post(ARTICLES).then().statusCode(403);
        for (String title : List.of(anonTitle, noRoleTitle)) {
            alice().get(ARTICLES + "/by-slug/" + Slugs.fromText(title)).then().statusCode(404);
        }
        bob().contentType(ContentType.JSON).body(article("Van Bob " + unique())).post(ARTICLES).then().statusCode(201)
                .body("status", is("draft")).body("authors[0].name", is("Bob Jansen"));
        alice().contentType(ContentType.JSON).body(article("Van Alice " + unique())).post(ARTICLES).then().statusCode(201);
        dave().contentType(ContentType.JSON).body(article("Van Dave " + unique())).post(ARTICLES).then().statusCode(201);
    }

    @Test
    void editArticle() {
        String draft = draftByBob();
        refusedPatch(anonymous(), draft, 401);
        refusedPatch(erin(), draft, 404);
        patch(bob(), draft, 200);
        patch(alice(), draft, 200);
        patch(dave(), draft, 200);
        String published = draftByBob();
        alice().post(ARTICLES + "/" + published + "/publish").then().statusCode(200);
        refusedPatch(bob(), published, 403);
        refusedPatch(erin(), published, 403);
        patch(alice(), published, 200);
    }

    @Test
    void publishScheduleUnpublishArchive() {
        String draft = draftByBob();
        for (String action : List.of("publish", "unpublish", "archive")) {
            refusedAction(anonymous(), draft, action, 401);
            refusedAction(bob(), draft, action, 403);
            refusedAction(erin(), draft, action, 403);
        }
        alice().post(ARTICLES + "/" + draft + "/publish").then().statusCode(200);
        alice().post(ARTICLES + "/" + draft + "/archive").then().statusCode(200);
        dave().post(ARTICLES + "/" + draft + "/unpublish").then().statusCode(200);
        dave().post(ARTICLES + "/" + draft + "/publish").then().statusCode(200);
        dave().post(ARTICLES + "/" + draft + "/archive").then().statusCode(200);
        alice().post(ARTICLES + "/" + draft + "/unpublish").then().statusCode(200).body("status", is("draft"));
    }

    @Test
    void deleteArticle() {
        String draft = draftByBob();
        anonymous().delete(ARTICLES + "/" + draft).then().statusCode(401);
        erin().delete(ARTICLES + "/" + draft).then().statusCode(404);
        alice().get(ARTICLES + "/" + draft).then().statusCode(200);
        bob().delete(ARTICLES + "/" + draft).then().statusCode(204);
        alice().get(ARTICLES + "/" + draft).then().statusCode(404);

        String oncePublished = draftByBob();
        alice().post(ARTICLES + "/" + oncePublished + "/publish").then().statusCode(200);
        alice().post(ARTICLES + "/" + oncePublished + "/unpublish").then().statusCode(200);
        bob().delete(ARTICLES + "/" + oncePublished).then().statusCode(403);
        alice().get(ARTICLES + "/" + oncePublished).then().statusCode(200);
        alice().delete(ARTICLES + "/" + oncePublished).then().statusCode(204);
        dave().delete(ARTICLES + "/" + draftByBob()).then().statusCode(204);
    }

    @Test
    void createAndEditTags() {
        String name = "Matrix " + unique();
        anonymous().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/tags").then().statusCode(401);
        bob().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/tags").then().statusCode(403);
        anonymous().get("/api/v1/tags/by-slug/" + Slugs.fromText(name)).then().statusCode(404);
        String tag = alice().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/tags")
                .then().statusCode(201).extract().header("Location");
        dave().contentType(ContentType.JSON).body(Map.of("name", name + " d")).post("/api/v1/tags").then().statusCode(201);
        Map.of(anonymous(), 401, bob(), 403, erin(), 403).forEach((refused, status) ->
                refused.contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                        .body(Map.of("description", "x")).patch(tag).then().statusCode(status));
        anonymous().get(tag).then().body("version", is(0));
        alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("description", "x")).patch(tag).then().statusCode(200);
        dave().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("description", "y")).patch(tag).then().statusCode(200);
    }

    @Test
    void createAndDeleteAuthors() {
        String name = "Matrix Auteur " + unique();
        Map.of(anonymous(), 401, bob(), 403, alice(), 403).forEach((refused, status) ->
                refused.contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/authors")
                        .then().statusCode(status));
        anonymous().get("/api/v1/authors/by-slug/" + Slugs.fromText(name)).then().statusCode(404);
        String author = dave().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/authors")
                .then().statusCode(201).extract().header("Location");
        Map.of(anonymous(), 401, bob(), 403, alice(), 403).forEach((refused, status) ->
                refused.delete(author).then().statusCode(status));
        anonymous().get(author).then().statusCode(200);
        dave().delete(author).then().statusCode(204);
    }

    @Test
    void editAuthorProfile() {
        draftByBob(); // makes sure Bob has a profile
        String profile = "/api/v1/authors/" + bob().get("/api/v1/me").then().statusCode(200).extract().path("author.id");
        long version = ((Number) anonymous().get(profile).then().extract().path("version")).longValue();
        Map.of(anonymous(), 401, erin(), 403).forEach((refused, status) ->
                refused.contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                        .body(Map.of("bio", "Gekaapt")).patch(profile).then().statusCode(status));
        assertEquals(version, ((Number) anonymous().get(profile).then().extract().path("version")).longValue());
        bob().contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("bio", "Bob schrijft over chips")).patch(profile).then().statusCode(200);
        alice().contentType("application/merge-patch+json").header("If-Match", "\"" + (version + 1) + "\"")
                .body(Map.of("bio", "Door de eindredactie")).patch(profile).then().statusCode(200);
        dave().contentType("application/merge-patch+json").header("If-Match", "\"" + (version + 2) + "\"")
                .body(Map.of("bio", "Door de beheerder")).patch(profile).then().statusCode(200)
                .body("bio", is("Door de beheerder"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String draftByBob() {
        return bob().contentType(ContentType.JSON).body(article("Matrix " + unique())).post(ARTICLES)
                .then().statusCode(201).extract().path("id");
    }

    private static String publishedByAlice() {
        String id = alice().contentType(ContentType.JSON).body(article("Gepubliceerd " + unique())).post(ARTICLES)
                .then().statusCode(201).extract().path("id");
        alice().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static void patch(RequestSpecification caller, String id, int status) {
        long version = currentVersion(id);
        caller.contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("lead", "Bewerkt " + unique())).patch(ARTICLES + "/" + id).then().statusCode(status);
    }

    private static void refusedPatch(RequestSpecification caller, String id, int status) {
        long version = currentVersion(id);
        String lead = alice().get(ARTICLES + "/" + id).then().extract().path("lead");
        caller.contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("lead", "Mag niet")).patch(ARTICLES + "/" + id)
                .then().statusCode(status).contentType("application/problem+json");
        alice().get(ARTICLES + "/" + id).then().body("version", is((int) version)).body("lead", is(lead));
    }

    private static void refusedAction(RequestSpecification caller, String id, String action, int status) {
        long version = currentVersion(id);
        String state = alice().get(ARTICLES + "/" + id).then().extract().path("status");
        caller.post(ARTICLES + "/" + id + "/" + action).then().statusCode(status).contentType("application/problem+json");
        alice().get(ARTICLES + "/" + id).then().body("version", is((int) version)).body("status", is(state));
    }

    private static long currentVersion(String id) {
        return ((Number) alice().get(ARTICLES + "/" + id).then().statusCode(200).extract().path("version")).longValue();
    }
}
