package io.kopij.shared.web;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.AUTHORS;
import static io.kopij.support.Api.TAGS;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.article.ArticleBody;
import io.kopij.article.ArticleImage;
import io.kopij.article.ArticleSeo;
import io.kopij.article.ArticleStatus;
import io.kopij.article.ArticleSummary;
import io.kopij.article.ArticleView;
import io.kopij.article.RelatedArticleView;
import io.kopij.author.AuthorSummary;
import io.kopij.author.AuthorView;
import io.kopij.shared.cache.AnswerTags;
import io.kopij.shared.paging.Page;
import io.kopij.tag.TagSummary;
import io.kopij.tag.TagView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sparse fieldsets are written in one pass; the bytes must be exactly those of the way they were made before: the
 * full answer as a JSON tree, each item reduced with {@link ObjectNode#retain}, the tree written again
 * ({@link #treeSelect}).
 */
@QuarkusTest
class SparseFieldsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-30T08:15:30.123456789Z");
    private static final Instant UPDATED = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    ObjectMapper json;

    @Test
    void answersAreTheFullAnswersWithOnlyTheNamedItemFields() throws Exception {
        String tag = "schaars-" + unique();
        String a = createPublished(article("Schaars een " + unique(), tag));
        Map<String, Object> withoutLead = article("Schaars twee " + unique(), tag);
        withoutLead.remove("lead");
        String b = createPublished(withoutLead);
        String draft = create(editor(), article("Schaars concept " + unique(), tag));
        String main = createPublished(article("Schaars hoofd " + unique(), tag, "tweede-" + unique()));
        editor().contentType(ContentType.JSON).body(List.of(b, draft, a)).put(ARTICLES + "/" + main + "/related")
                .then().statusCode(200);
        String authorId = anonymous().get(ARTICLES + "/" + main).then().statusCode(200).extract().path("authors[0].id");
        String tagId = anonymous().get(ARTICLES + "/" + main).then().extract().path("tags[0].id");

        assertSameAsTree(ARTICLES + "?tag=" + tag, "id,slug,title,publishedAt");
        assertSameAsTree(ARTICLES + "?tag=" + tag + "&limit=2", "lead,image,highlight,authors,tags");
        assertSameAsTree(ARTICLES + "?tag=" + tag, " title , id,title");
        assertSameAsTree(ARTICLES + "?tag=" + tag, allOf(ArticleSummary.class));
        assertSameAsTree(ARTICLES + "?tag=leeg-" + unique(), "id"); // no items: the envelope alone
        assertSameAsTree(ARTICLES + "/" + main, "id,body,seo,scheduledAt,related,version");
        assertSameAsTree(ARTICLES + "/" + b, "lead,image,primaryTag");
        assertSameAsTree(ARTICLES + "/" + main, allOf(ArticleView.class));
        assertSameAsTree(ARTICLES + "/" + main + "/related", "slug,lead,image,source");
        assertSameAsTree(ARTICLES + "/" + main + "/related?limit=1", "id");
        assertSameAsTree(TAGS + "?limit=3", "name,slug,articleCount");
        assertSameAsTree(TAGS + "/" + tagId, "description,updatedAt");
        assertSameAsTree(AUTHORS + "?limit=3", "email,name,bio");
        assertSameAsTree(AUTHORS + "/" + authorId, "avatarUrl,email,createdAt");
        // Editors see drafts and e-mail addresses: personal answers go through the same writer.
        assertSameAsTree(ARTICLES + "/" + draft, "status,publishedAt", true);
        assertSameAsTree(AUTHORS + "/" + authorId, "email", true);
    }

    @Test
    void sparseAnswersCarryTheirOwnTagAndTheFullAnswersCacheKeys() {
        String id = createPublished(article("Schaars label " + unique()));
        var full = anonymous().get(ARTICLES + "/" + id).then().statusCode(200).extract();
        var sparse = anonymous().queryParam("fields", "slug").get(ARTICLES + "/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).extract();
        assertEquals(full.header("xkey"), sparse.header("xkey"));
        assertNotEquals(full.header("ETag"), sparse.header("ETag"));
        anonymous().queryParam("fields", "slug").header("If-None-Match", sparse.header("ETag")).get(ARTICLES + "/" + id)
                .then().statusCode(304);
    }

    @Test
    void writtenWithTheApplicationMappersSettings() throws Exception {
        ObjectMapper nonNull = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        ObjectMapper nonEmpty = json.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        ObjectMapper millis = json.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        for (ObjectMapper mapper : List.of(json, nonNull, nonEmpty, millis)) {
            SparseFields fields = new SparseFields(mapper, new AnswerTags());
            Page<ArticleSummary> page = new Page<>(List.of(summary("een", "Een lead", true), summary("twee", null, false)),
                    new Page.PageInfo(20, null, 2));
            for (String wanted : List.of("id,slug,title,publishedAt", "lead,image,authors,tags,highlight",
                    allOf(ArticleSummary.class))) {
                assertSame(mapper, fields, page, wanted, ArticleSummary.class);
            }
            assertSame(mapper, fields, new Page<>(List.<ArticleSummary>of(), new Page.PageInfo(5, "volgende", 0)), "id",
                    ArticleSummary.class);
            ArticleView view = view();
            for (String wanted : List.of("id,body,seo", "related,publishedAt,scheduledAt,primaryTag",
                    allOf(ArticleView.class))) {
                assertSame(mapper, fields, view, wanted, ArticleView.class);
            }
            assertSame(mapper, fields, view.related(), "slug,image,publishedAt", RelatedArticleView.class);
            assertSame(mapper, fields, new TagView(UUID.randomUUID(), "t", "T", null, 0, 3, UPDATED, UPDATED),
                    "description,articleCount,createdAt", TagView.class);
            assertSame(mapper, fields, new AuthorView(UUID.randomUUID(), "a", "A", "", null, null, 1, UPDATED, UPDATED),
                    "bio,avatarUrl,email", AuthorView.class);
        }
    }

    /**
     * Where the tree changed what the full answer writes, the one-pass writer keeps the full answer's bytes: a tree
     * holds decimal timestamps as BigDecimals without trailing zeros (1.7961192E+9 for 1796119200.000000000).
     */
    @Test
    void decimalTimestampsAsInTheFullAnswer() throws Exception {
        ObjectMapper nanos = json.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Page<ArticleSummary> page = new Page<>(List.of(summary("een", "Een lead", true)), new Page.PageInfo(20, null, 1));
        String sparse = nanos.writeValueAsString(new SparseFields(nanos, new AnswerTags()).select(page, "updatedAt",
                ArticleSummary.class));
        assertEquals("{\"data\":[{\"updatedAt\":1796119200.000000000}],\"page\":{\"limit\":20,\"next\":null,"
                + "\"total\":1}}", sparse);
        assertTrue(nanos.writeValueAsString(page).contains("\"updatedAt\":1796119200.000000000"));
    }

    /** Only the items are reduced: a record of the item type nested in an item keeps all its fields, as before. */
    @Test
    void nestedRecordsOfTheItemTypeKeepAllTheirFields() throws Exception {
        SparseFields fields = new SparseFields(json, new AnswerTags());
        Node tree = new Node("wortel", "a", List.of(new Node("tak", "b", List.of(new Node("blad", "c", List.of())))));
        assertSame(json, fields, tree, "name,children", Node.class);
        assertSame(json, fields, List.of(tree, tree), "children", Node.class);
        assertSame(json, fields, new Page<>(List.of(tree), new Page.PageInfo(1, null, 1)), "note,children", Node.class);
        assertEquals("{\"name\":\"wortel\",\"children\":[{\"name\":\"tak\",\"note\":\"b\",\"children\":"
                + "[{\"name\":\"blad\",\"note\":\"c\",\"children\":[]}]}]}",
                json.writeValueAsString(fields.select(tree, "name,children", Node.class)));
    }

    record Node(String name, String note, List<Node> children) {
    }

    private void assertSameAsTree(String path, String fields) throws Exception {
        assertSameAsTree(path, fields, false);
    }

    private void assertSameAsTree(String path, String fields, boolean asEditor) throws Exception {
        var caller = asEditor ? editor() : anonymous();
        ExtractableResponse<Response> full = caller.get(path).then().statusCode(200).extract();
        caller = asEditor ? editor() : anonymous();
        ExtractableResponse<Response> sparse = caller.queryParam("fields", fields).get(path).then().statusCode(200)
                .contentType(ContentType.JSON).extract();
        JsonNode fullTree = json.readTree(full.asByteArray());
        Set<String> wanted = SparseFields.parse(fields, itemTypeOf(path));
        assertEquals(json.writeValueAsString(retain(fullTree, wanted)), sparse.asString(), path + " fields=" + fields);
    }

    private static Class<? extends Record> itemTypeOf(String path) {
        if (path.startsWith(TAGS)) {
            return TagView.class;
        }
        if (path.startsWith(AUTHORS)) {
            return AuthorView.class;
        }
        String rest = path.substring(ARTICLES.length());
        return rest.contains("/related") ? RelatedArticleView.class
                : rest.isEmpty() || rest.startsWith("?") ? ArticleSummary.class : ArticleView.class;
    }

    private static void assertSame(ObjectMapper mapper, SparseFields fields, Object entity, String wanted,
            Class<? extends Record> itemType) throws Exception {
        assertEquals(mapper.writeValueAsString(treeSelect(mapper, entity, SparseFields.parse(wanted, itemType))),
                mapper.writeValueAsString(fields.select(entity, wanted, itemType)), itemType.getSimpleName() + " " + wanted);
    }

    /** The former implementation (which failed on an empty page when empty lists were left out: no "data"). */
    private static JsonNode treeSelect(ObjectMapper mapper, Object entity, Set<String> wanted) {
        JsonNode tree = mapper.valueToTree(entity);
        if (entity instanceof Page<?>) {
            tree.path("data").forEach(item -> ((ObjectNode) item).retain(wanted));
            return tree;
        }
        return retain(tree, wanted);
    }

    /** A list, or one item, reduced like before; pages are reduced in their data. */
    private static JsonNode retain(JsonNode tree, Set<String> wanted) {
        if (tree instanceof ArrayNode items) {
            items.forEach(item -> ((ObjectNode) item).retain(wanted));
        } else if (tree.has("data") && tree.has("page")) {
            tree.get("data").forEach(item -> ((ObjectNode) item).retain(wanted));
        } else {
            ((ObjectNode) tree).retain(wanted);
        }
        return tree;
    }

    private static String allOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.joining(","));
    }

    private static ArticleSummary summary(String slug, String lead, boolean withImage) {
        ArticleImage image = withImage ? new ArticleImage(null, "https://example.org/a.jpg", null, null, null, "alt",
                null, null) : null;
        return new ArticleSummary(UUID.randomUUID(), slug, slug.toUpperCase(), lead, "nl", ArticleStatus.PUBLISHED,
                lead == null ? null : PUBLISHED, UPDATED, withImage, image, 3,
                List.of(new AuthorSummary(UUID.randomUUID(), "sanne", "Sanne")),
                withImage ? List.of() : List.of(new TagSummary(UUID.randomUUID(), "ai", "AI")), null);
    }

    private static ArticleView view() {
        TagSummary tag = new TagSummary(UUID.randomUUID(), "ai", "AI");
        return new ArticleView(UUID.randomUUID(), "slug", "Titel", null, new ArticleBody("*x*", "<p><em>x</em></p>", "x"),
                "nl", ArticleStatus.SCHEDULED, PUBLISHED, null, UPDATED, UPDATED, 7, 120, 1, false, null,
                ArticleSeo.of("SEO", null, null), List.of(), List.of(tag), tag,
                List.of(new RelatedArticleView(UUID.randomUUID(), "ander", "Ander", null, ArticleStatus.PUBLISHED,
                        PUBLISHED, null, "manual"), new RelatedArticleView(UUID.randomUUID(), "derde", "Derde", "L",
                        ArticleStatus.PUBLISHED, null, new ArticleImage(UUID.randomUUID(), "/x.jpg", 10, 20, "s", null,
                        null, "c"), "tags")));
    }
}
