package io.kopij.author;

import static io.kopij.support.Api.AUTHORS;
import static io.kopij.support.Api.admin;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import io.kopij.shared.text.Slugs;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorResourceTest {

    @Test
    void adminCreatesReplacesPatchesAndDeletes() {
        String name = "Sanne de Vries " + unique();
        var created = admin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "bio", "Techredacteur.", "email", "sanne@example.nl",
                        "avatarUrl", "https://cdn.example.nl/sanne.jpg"))
                .post(AUTHORS).then().statusCode(201).header("ETag", "\"0\"")
                .body("slug", is(Slugs.fromText(name)))
                .extract();
        String location = created.header("Location");
        String id = created.path("id");
        anonymous().get(location).then().statusCode(200)
                .body("name", is(name)).body("bio", is("Techredacteur.")).body("email", nullValue());
        editor().get(location).then().statusCode(200).body("email", is("sanne@example.nl"));
        anonymous().get(AUTHORS + "/by-slug/" + created.path("slug")).then().statusCode(200).body("id", is(id));

        admin().contentType(ContentType.JSON).body(Map.of("name", "Nieuwe naam")).put(location).then().statusCode(428);
        admin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", "Nieuwe naam"))
                .put(location).then().statusCode(200).body("name", is("Nieuwe naam")).body("bio", is((String) null));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("bio", "Nieuwe bio")).patch(location).then().statusCode(200)
                .body("bio", is("Nieuwe bio")).body("name", is("Nieuwe naam"));
        anonymous().get(location).then().body("version", is(2)).body("bio", is("Nieuwe bio"));

        editor().delete(location).then().statusCode(403);
        admin().delete(location).then().statusCode(204);
        anonymous().get(location).then().statusCode(404).body("code", is("author.not-found"));
    }

    @Test
    void rolesAndOwnershipOfProfiles() {
        String bob = "bob-" + unique();
        // Writing for the first time creates the caller's profile from their token claims.
        String articleId = Api.create(as(bob, Api.AUTHOR), article("Eerste stuk"));
        String profileId = editor().get("/api/v1/articles/" + articleId).then().extract().path("authors[0].id");
        String profile = AUTHORS + "/" + profileId;
        editor().get(profile).then().body("email", is(bob + "@kopij.test"));

        as(bob, Api.AUTHOR).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("bio", "Over mij")).patch(profile).then().statusCode(200).body("bio", is("Over mij"));
        as("erin-" + unique(), Api.AUTHOR).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("bio", "Gekaapt")).patch(profile).then().statusCode(403);
        as(bob, Api.AUTHOR).contentType(ContentType.JSON).body(Map.of("name", "Nep")).post(AUTHORS).then().statusCode(403);
        anonymous().contentType(ContentType.JSON).body(Map.of("name", "Nep")).post(AUTHORS).then().statusCode(401);
        // An author credited on an article cannot be deleted.
        admin().delete(profile).then().statusCode(409).body("code", is("author.in-use"));
        anonymous().get(profile).then().statusCode(200).body("bio", is("Over mij"));
    }

    @Test
    void invalidAuthorInputIsAProblem() {
        admin().contentType(ContentType.JSON).body(Map.of("name", "n".repeat(201))).post(AUTHORS)
                .then().statusCode(400).body("errors[0].field", is("name"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "email", "geen-mail")).post(AUTHORS)
                .then().statusCode(400).body("errors[0].field", is("email"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "avatarUrl", "javascript:alert(1)")).post(AUTHORS)
                .then().statusCode(400).body("errors[0].field", is("avatarUrl"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "bio", "b".repeat(4001))).post(AUTHORS)
                .then().statusCode(400).body("errors[0].field", is("bio"));
        String slug = "dubbel-" + unique();
        admin().contentType(ContentType.JSON).body(Map.of("name", "Een", "slug", slug)).post(AUTHORS).then().statusCode(201);
        admin().contentType(ContentType.JSON).body(Map.of("name", "Twee", "slug", slug)).post(AUTHORS)
                .then().statusCode(409).body("code", is("author.slug-taken"));
        anonymous().queryParam("limit", "1000").get(AUTHORS).then().statusCode(400);
        anonymous().queryParam("sort", "name").get(AUTHORS).then().statusCode(400).body("code", is("request.unknown-parameter"));
    }

    @Test
    void listWalksByNameWithCursor() {
        String prefix = "Zz Lijst " + unique() + " ";
        for (String n : List.of("C", "A", "B")) {
            admin().contentType(ContentType.JSON).body(Map.of("name", prefix + n)).post(AUTHORS).then().statusCode(201);
        }
        long total = ((Number) anonymous().get(AUTHORS).then().extract().path("page.total")).longValue();
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = anonymous().queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(AUTHORS).then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("data.name"));
            cursor = page.getString("page.next");
        } while (cursor != null);
        Assertions.assertTrue(names.size() >= total);
        List<String> ours = names.stream().filter(n -> n.startsWith(prefix)).toList();
        Assertions.assertEquals(List.of(prefix + "A", prefix + "B", prefix + "C"), ours);
    }
}
