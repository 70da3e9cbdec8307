package io.kopij.edge;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every cacheable public answer names the entities it shows in Surrogate-Key (Fastly), xkey (Varnish) and Cache-Tag
 * (Cloudflare); lists also carry their family's key; answers that depend on who asks carry none. Without a purger
 * (this profile) there is no s-maxage: shared caches keep the short lifetime.
 */
@QuarkusTest
class CacheTagHeadersTest {

    @Test
    void anArticleNamesItselfItsAuthorsAndItsTags() {
        String tag = "sleutel-" + unique();
        String id = createPublished(article("Sleutels " + unique(), tag, "tweede-" + unique()));
        var detail = anonymous().get(ARTICLES + "/" + id).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300").extract();
        Set<String> keys = keys(detail);
        String authorId = detail.path("authors[0].id");
        List<String> tagIds = detail.path("tags.id");
        Set<String> expected = new TreeSet<>(List.of("article:" + id, "author:" + authorId, "tag:" + tagIds.get(0),
                "tag:" + tagIds.get(1)));
        assertEquals(expected, keys);
        // The three headers name the same keys: space separated, and comma separated for Cloudflare.
        assertEquals(keys, new TreeSet<>(Arrays.asList(detail.header("xkey").split(" "))));
        assertEquals(keys, new TreeSet<>(Arrays.asList(detail.header("Cache-Tag").split(","))));
        // A revalidation carries them too (a cache refreshes its copy's headers from the 304).
        var revalidated = anonymous().header("If-None-Match", detail.header("ETag")).get(ARTICLES + "/" + id)
                .then().statusCode(304).extract();
        assertEquals(keys, keys(revalidated));
        // By slug, and with a sparse fieldset that drops the ids from the body: still the same keys.
        assertEquals(keys, keys(anonymous().get(ARTICLES + "/by-slug/" + detail.path("slug")).then().statusCode(200).extract()));
        assertEquals(keys, keys(anonymous().queryParam("fields", "title").get(ARTICLES + "/" + id).then().statusCode(200).extract()));
    }

    @Test
    void listsCarryTheirFamilyKeyAndTheirItemsKeys() {
        String tag = "lijstsleutel-" + unique();
        String first = createPublished(article("Een " + unique(), tag));
        String second = createPublished(article("Twee " + unique(), tag));
        Set<String> keys = keys(anonymous().get(ARTICLES + "?tag=" + tag).then().statusCode(200).extract());
        assertTrue(keys.containsAll(List.of("articles", "article:" + first, "article:" + second)), keys.toString());
        // An empty list still carries the family key, so the first publication refreshes it.
        assertEquals(Set.of("articles"), keys(anonymous().get(ARTICLES + "?tag=leeg-" + unique()).then().statusCode(200).extract()));
        assertEquals(Set.of("articles"), keys(anonymous().queryParam("fields", "id").get(ARTICLES + "?tag=leeg-" + unique())
                .then().statusCode(200).extract()));
        assertTrue(keys(anonymous().get("/api/v1/authors?limit=5").then().statusCode(200).extract()).contains("authors"));
        Set<String> tags = keys(anonymous().get("/api/v1/tags?limit=5").then().statusCode(200).extract());
        assertTrue(tags.contains("tags") && tags.contains("articles"), "a tag shows its article count: " + tags);
        Set<String> related = keys(anonymous().get(ARTICLES + "/" + first + "/related").then().statusCode(200).extract());
        assertTrue(related.containsAll(List.of("articles", "article:" + second)), related.toString());
    }

    @Test
    void authorsAndTagsNameThemselves() {
        String tag = "zelf-" + unique();
        String id = createPublished(article("Zelf " + unique(), tag));
        var article = anonymous().get(ARTICLES + "/" + id).then().extract();
        String authorId = article.path("authors[0].id");
        String tagId = article.path("tags[0].id");
        assertEquals(Set.of("author:" + authorId), keys(anonymous().get("/api/v1/authors/" + authorId).then().statusCode(200).extract()));
        assertEquals(Set.of("tag:" + tagId, "articles"), keys(anonymous().get("/api/v1/tags/" + tagId).then().statusCode(200).extract()));
    }

    @Test
    void privateAnswersAndErrorsCarryNoTags() {
        String id = createPublished(article("Prive " + unique()));
        for (var response : List.of(
                editor().get(ARTICLES + "/" + id).then().statusCode(200).header("Cache-Control", "private, no-store"),
                editor().get(ARTICLES).then().statusCode(200),
                editor().get("/api/v1/me").then().statusCode(200),
                anonymous().get(ARTICLES + "/" + java.util.UUID.randomUUID()).then().statusCode(404))) {
            response.header("Surrogate-Key", nullValue()).header("xkey", nullValue()).header("Cache-Tag", nullValue());
        }
    }

    private static Set<String> keys(ExtractableResponse<Response> response) {
        String header = response.header("Surrogate-Key");
        assertFalse(header == null || header.isBlank(), "no Surrogate-Key header: " + response.headers());
        return new TreeSet<>(Arrays.asList(header.split(" ")));
    }
}
