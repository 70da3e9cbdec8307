package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.media.MediaApi;
import io.kopij.media.TestImages;
import io.kopij.support.Api;
import io.kopij.support.GraphQL;
import io.kopij.support.QuietScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Articles whose image is an uploaded asset: what REST and GraphQL answer, which references can be written, the
 * alt-text rule for publishing, and assets that articles use.
 */
@QuarkusTest
class ArticleImageTest {

    private static final Logger LOG = Logger.getLogger(ArticleImageTest.class);

    @Inject
    SessionFactory sessionFactory;

    private long seed = System.nanoTime();

    /** A 700 × 400 PNG asset with the given alt text (null for none); its id. */
    private String asset(String alt) {
        return MediaApi.upload(MediaApi.author("fotograaf"), TestImages.png(700, 400, ++seed), "Lama op de wei.png",
                        "image/png", alt)
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> withImage(String title, Map<String, Object> image) {
        Map<String, Object> input = article(title);
        input.put("image", image);
        return input;
    }

    private static Map<String, Object> assetImage(String assetId) {
        Map<String, Object> image = new HashMap<>();
        image.put("assetId", assetId);
        return image;
    }

    @Test
    void anAssetImageIsAnsweredWithItsSizesSrcsetAndTexts() {
        String assetId = asset("Een lama op een bergweide");
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("caption", "Lama's zijn sociale dieren.", "credit", "Foto: Kopij"))
                .patch(MediaApi.ASSETS + "/" + assetId).then().statusCode(200);
        String url = MediaApi.urlOf(assetId);
        String id = Api.create(editor(), withImage("Lama " + unique(), assetImage(assetId)));
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200)
                .body("image.assetId", is(assetId), "image.url", is(url), "image.width", is(700),
                        "image.height", is(400), "image.alt", is("Een lama op een bergweide"),
                        "image.caption", is("Lama's zijn sociale dieren."), "image.credit", is("Foto: Kopij"),
                        "image.srcset", is(url + "?w=160&fm=webp 160w, " + url + "?w=320&fm=webp 320w, " + url
                                + "?w=480&fm=webp 480w, " + url + "?w=640&fm=webp 640w, " + url + "?fm=webp 700w"));
        // The article's own alt text and caption win over the asset's; the credit is the asset's.
        Map<String, Object> own = assetImage(assetId);
        own.put("alt", "Een lama, van dichtbij");
        own.put("caption", "Eigen onderschrift");
        String second = Api.createPublished(withImage("Lama bis " + unique(), own));
        anonymous().get(ARTICLES + "/" + second).then().statusCode(200)
                .body("image.alt", is("Een lama, van dichtbij"), "image.caption", is("Eigen onderschrift"),
                        "image.credit", is("Foto: Kopij"), "image.url", is(url));
        anonymous().queryParam("q", "lama").queryParam("limit", 100).get(ARTICLES).then().statusCode(200);
        anonymous().queryParam("limit", 100).get(ARTICLES).then().statusCode(200)
                .body("data.find { it.id == '" + id + "' }.image.srcset", endsWith(url + "?fm=webp 700w"));
        // Each URL handed out is one the rendition route serves.
        byte[] rendition = MediaApi.download(url + "?w=320&fm=webp");
        assertEquals(320, TestImages.decode(rendition).getWidth());
    }

    @Test
    void graphQLAsksForTheWidthAndFormatItNeeds() {
        String assetId = asset("Een lama");
        String url = MediaApi.urlOf(assetId);
        String id = Api.createPublished(withImage("GraphQL-lama " + unique(), assetImage(assetId)));
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("url", "https://cdn.example.nl/extern.jpg");
        external.put("alt", "Extern");
        String externalId = Api.createPublished(withImage("Extern " + unique(), external));
        String query = """
                query($id: ID) { article(id: $id) { image { assetId url small: url(width: 500, format: WEBP)
                  huge: url(width: 5000) jpeg: url(format: JPEG) srcset alt caption credit width height } } }""";
        GraphQL.post(anonymous(), query, Map.of("id", id)).statusCode(200).body("errors", nullValue())
                .body("data.article.image.assetId", is(assetId), "data.article.image.url", is(url),
                        "data.article.image.small", is(url + "?w=640&fm=webp"),
                        "data.article.image.huge", is(url), "data.article.image.jpeg", is(url + "?fm=jpeg"),
                        "data.article.image.srcset", startsWith(url + "?w=160&fm=webp 160w"),
                        "data.article.image.width", is(700), "data.article.image.alt", is("Een lama"));
        GraphQL.post(anonymous(), query, Map.of("id", externalId)).statusCode(200).body("errors", nullValue())
                .body("data.article.image.url", is("https://cdn.example.nl/extern.jpg"),
                        "data.article.image.small", is("https://cdn.example.nl/extern.jpg"),
                        "data.article.image.width", nullValue(), "data.article.image.srcset", nullValue());
        GraphQL.post(anonymous(), "query($id: ID) { article(id: $id) { image { url(width: 0) } } }", Map.of("id", id))
                .statusCode(200).body("errors[0].extensions.code", is("request.invalid"));
        // Writing through GraphQL takes the same reference.
        GraphQL.post(editor(), """
                mutation($input: ArticleInput!) { createArticle(input: $input) { image { assetId width } } }""",
                Map.of("input", withImage("Via GraphQL " + unique(), assetImage(assetId))))
                .statusCode(200).body("errors", nullValue())
                .body("data.createArticle.image.assetId", is(assetId), "data.createArticle.image.width", is(700));
    }

    @Test
    void onlyExistingAssetsOrUrlsCanBeTheImage() {
        String missing = UUID.randomUUID().toString();
        editor().contentType(ContentType.JSON).body(withImage("Geen asset " + unique(), assetImage(missing)))
                .post(ARTICLES).then().statusCode(422).contentType("application/problem+json")
                .body("code", is("article.invalid-image"), "errors.field", hasItem("image.assetId"));
        Map<String, Object> both = assetImage(asset("Beide"));
        both.put("url", "https://cdn.example.nl/x.jpg");
        editor().contentType(ContentType.JSON).body(withImage("Beide " + unique(), both)).post(ARTICLES)
                .then().statusCode(400).body("code", is("request.invalid"), "errors.field", hasItem("image"));
        editor().contentType(ContentType.JSON).body(withImage("Geen " + unique(), Map.of("alt", "Alleen alt")))
                .post(ARTICLES).then().statusCode(400).body("errors.field", hasItem("image"));
        editor().contentType(ContentType.JSON).body(withImage("Kapot " + unique(), Map.of("assetId", "geen-uuid")))
                .post(ARTICLES).then().statusCode(400).body("errors.field", hasItem("image.assetId"));
    }

    @Test
    void publishingNeedsAltTextOnTheImage() {
        String assetId = asset(null);
        String id = Api.create(editor(), withImage("Zonder alt " + unique(), assetImage(assetId)));
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("article.image-alt-required"), "errors.field", hasItem("image.alt"));
        editor().contentType(ContentType.JSON).body(Map.of("at", "2999-01-01T00:00:00Z"))
                .post(ARTICLES + "/" + id + "/publish").then().statusCode(422)
                .body("code", is("article.image-alt-required"));
        editor().get(ARTICLES + "/" + id).then().body("status", is("draft"), "version", is(0));
        // An external image without alt is held to the same rule.
        String external = Api.create(editor(), withImage("Extern zonder alt " + unique(),
                Map.of("url", "https://cdn.example.nl/y.jpg")));
        editor().post(ARTICLES + "/" + external + "/publish").then().statusCode(422)
                .body("code", is("article.image-alt-required"));

        // The asset gets alt text: now it can be published, and the asset's alt text cannot simply go away.
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "Een lama")).patch(MediaApi.ASSETS + "/" + assetId).then().statusCode(200);
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200).body("image.alt", is("Een lama"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"alt\": null}").patch(MediaApi.ASSETS + "/" + assetId).then().statusCode(422)
                .body("code", is("article.image-alt-required"));
        editor().get(MediaApi.ASSETS + "/" + assetId).then().body("alt", is("Een lama"), "version", is(1));
        // Nor can the published article drop it; with its own alt text the asset's may go.
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("image", Map.of("assetId", assetId, "alt", " "))).patch(ARTICLES + "/" + id)
                .then().statusCode(200);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("image", Map.of("assetId", assetId, "alt", "Eigen alt"))).patch(ARTICLES + "/" + id)
                .then().statusCode(200).body("image.alt", is("Eigen alt"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"alt\": null}").patch(MediaApi.ASSETS + "/" + assetId).then().statusCode(200);
    }

    @Test
    void anAssetInUseIsNotDeleted() {
        String assetId = asset("In gebruik");
        String id = Api.create(editor(), withImage("Gebruikt " + unique(), assetImage(assetId)));
        editor().delete(MediaApi.ASSETS + "/" + assetId).then().statusCode(409)
                .contentType("application/problem+json").body("code", is("asset.in-use"),
                        "detail", containsString("1 time"));
        editor().get(ARTICLES + "/" + id).then().statusCode(200).body("image.assetId", is(assetId));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"image\": null}")
                .patch(ARTICLES + "/" + id).then().statusCode(200).body("image", nullValue());
        editor().delete(MediaApi.ASSETS + "/" + assetId).then().statusCode(204);
        // An old revision that showed the deleted asset restores without it.
        editor().post(ARTICLES + "/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("image", nullValue(), "title", startsWith("Gebruikt "));
    }

    @Test
    void revisionsKeepTheImageReference() {
        String assetId = asset("Revisie");
        String id = Api.create(editor(), withImage("Revisies " + unique(), assetImage(assetId)));
        editor().get(ARTICLES + "/" + id + "/revisions/1").then().statusCode(200)
                .body("snapshot.image.assetId", is(assetId), "snapshot.image.url", nullValue());
        // A merge patch merges into the image too: switching to a URL removes the asset explicitly.
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("image", Map.of("url", "https://cdn.example.nl/z.jpg", "alt", "Z")))
                .patch(ARTICLES + "/" + id).then().statusCode(400).body("errors.field", hasItem("image"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"image\": {\"assetId\": null, \"url\": \"https://cdn.example.nl/z.jpg\", \"alt\": \"Z\"}}")
                .patch(ARTICLES + "/" + id).then().statusCode(200).body("image.assetId", nullValue(),
                        "image.url", is("https://cdn.example.nl/z.jpg"));
        editor().post(ARTICLES + "/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("image.assetId", is(assetId), "image.width", is(700));
    }

    @Test
    void thePicturesOfAPageCostOneStatement() {
        String tag = "beeld-" + unique();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> input = withImage("Beeld " + i + " " + unique(), assetImage(asset("Beeld " + i)));
            input.put("tags", List.of(tag));
            Api.createPublished(input);
        }
        String page = """
                query($tags: [String], $first: Int) { articles(filter: {tags: $tags}, first: $first) {
                  edges { node { id image { url(width: 320, format: WEBP) srcset alt credit width height }
                    related(first: 3) { id image { url srcset } } } } } }""";
        long[] counts = QuietScheduler.withoutScheduledJobs(() -> new long[] {
                statements(() -> anonymous().queryParam("tag", tag).queryParam("limit", 5).get(ARTICLES).then()
                        .statusCode(200).body("data.size()", is(5), "data[4].image.width", is(700))),
                statements(() -> anonymous().queryParam("tag", tag).queryParam("limit", 30).get(ARTICLES).then()
                        .statusCode(200).body("data.size()", is(30), "data[29].image.width", is(700))),
                statements(() -> GraphQL.post(anonymous(), page, Map.of("tags", List.of(tag), "first", 5))
                        .statusCode(200).body("errors", nullValue(), "data.articles.edges.size()", is(5),
                                "data.articles.edges[4].node.image.width", is(700),
                                "data.articles.edges[0].node.related[0].image.url", containsString("/v1/"))),
                statements(() -> GraphQL.post(anonymous(), page, Map.of("tags", List.of(tag), "first", 30))
                        .statusCode(200).body("errors", nullValue(), "data.articles.edges.size()", is(30),
                                "data.articles.edges[29].node.image.width", is(700)))});
        LOG.infof("SQL statements with uploaded images: REST list limit=5 -> %d, limit=30 -> %d; GraphQL page with "
                + "images and related images first=5 -> %d, first=30 -> %d", counts[0], counts[1], counts[2], counts[3]);
        assertEquals(counts[0], counts[1], "REST statements grew with the page size");
        assertEquals(counts[2], counts[3], "GraphQL statements grew with the page size");
        assertTrue(counts[1] <= 3, "REST list: two statements and one for the images, not " + counts[1]);
        // Related articles are whole Articles (one type per entity), loaded by id with their relations and images.
        assertTrue(counts[3] <= 10, "GraphQL page: the page's statements with one for its images, the related "
                + "links, then the related articles with one for their images, not " + counts[3]);
    }

    private long statements(Runnable request) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        request.run();
        return statistics.getPrepareStatementCount() - before;
    }
}
