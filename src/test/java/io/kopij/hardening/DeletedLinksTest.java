package io.kopij.hardening;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.TAGS;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kopij.support.GraphQL;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting a tag or an article that other articles show must leave those articles whole: their ordered links stay
 * dense (a hole used to become a null and a 500 on every answer showing the article), and they change visibly (new
 * version, a revision saying why).
 */
@QuarkusTest
class DeletedLinksTest {

    @Inject
    EntityManager em;

    @Test
    void deletingATagInTheMiddleKeepsTheArticleWhole() {
        String base = "gat-" + unique();
        List<String> tags = List.of(base + "-a", base + "-b", base + "-c", base + "-d");
        String id = createPublished(article("Gaten " + unique(), tags.toArray(String[]::new)));
        long before = ((Number) editor().get(ARTICLES + "/" + id).then().extract().path("version")).longValue();
        String b = anonymous().get(TAGS + "/by-slug/" + tags.get(1)).then().statusCode(200).extract().path("id");

        editor().delete(TAGS + "/" + b).then().statusCode(204);

        anonymous().get(ARTICLES + "/" + id).then().statusCode(200)
                .body("tags.slug", contains(tags.get(0), tags.get(2), tags.get(3)))
                .body("primaryTag.slug", is(tags.get(0)))
                .body("version", is((int) before + 1));
        anonymous().queryParam("tag", tags.get(0)).get(ARTICLES).then().statusCode(200)
                .body("data[0].tags.slug", contains(tags.get(0), tags.get(2), tags.get(3)));
        anonymous().queryParam("q", "Gaten").queryParam("tag", tags.get(3)).get(ARTICLES).then().statusCode(200);
        GraphQL.post(anonymous(), "query($id: ID) { article(id: $id) { tags { slug } } }", Map.of("id", id))
                .body("errors", nullValue()).body("data.article.tags.slug", contains(tags.get(0), tags.get(2), tags.get(3)));
        editor().get(ARTICLES + "/" + id + "/revisions").then().body("data[0].action", is("tag-deleted"));
        // The article can still be written and moved through the workflow.
        String etag = editor().get(ARTICLES + "/" + id).then().extract().header("ETag");
        editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("lead", "Nog heel")).patch(ARTICLES + "/" + id).then().statusCode(200);
        editor().post(ARTICLES + "/" + id + "/archive").then().statusCode(200);
    }

    @Test
    void deletingALinkedArticleRemovesTheLinkAsARevisionOfTheLinkingArticle() {
        String a = createPublished(article("Eerste " + unique()));
        String b = createPublished(article("Tweede " + unique()));
        String c = createPublished(article("Derde " + unique()));
        String linking = create(editor(), article("Verwijst " + unique()));
        editor().contentType(ContentType.JSON).body(List.of(a, b, c)).put(ARTICLES + "/" + linking + "/related")
                .then().statusCode(200);

        editor().delete(ARTICLES + "/" + b).then().statusCode(204);

        editor().get(ARTICLES + "/" + linking).then().statusCode(200)
                .body("related.findAll { it.source == 'manual' }.id", contains(a, c));
        editor().get(ARTICLES + "/" + linking + "/revisions").then().body("data[0].action", is("related-deleted"));
        String etag = editor().get(ARTICLES + "/" + linking).then().extract().header("ETag");
        editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("lead", "Nog heel")).patch(ARTICLES + "/" + linking).then().statusCode(200);
        editor().post(ARTICLES + "/" + linking + "/publish").then().statusCode(200);
    }

    @Test
    void theDatabaseClosesHolesWhateverDeletesALink() {
        String base = "sql-" + unique();
        String id = create(editor(), article("Rechtstreeks " + unique(), base + "-a", base + "-b", base + "-c"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from article_tag where article_id = :id and position = 1")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        List<?> positions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select position from article_tag where article_id = :id order by position")
                .setParameter("id", UUID.fromString(id)).getResultList());
        assertEquals(List.of(0, 1), positions.stream().map(p -> ((Number) p).intValue()).toList());
        editor().get(ARTICLES + "/" + id).then().statusCode(200).body("tags.slug", hasItem(base + "-c"));
    }
}
