package io.kopij.article;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static io.kopij.support.Api.withToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.kopij.shared.text.Slugs;
import io.kopij.support.Api;
import io.kopij.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleGraphQLApiTest {

    private static final String ARTICLE_FIELDS = """
            id slug title lead language status publishedAt version readingTimeMinutes wordCount featured
            body { markdown html text } image { url alt } seo { title }
            authors { id slug name } tags { slug name } primaryTag { slug }
            related(first: 5) { id title }
            """;

    @Test
    void articleByIdAndSlugWithRelations() {
        String tag = "gql-" + unique();
        var input = article("GraphQL artikel " + unique(), tag, "tweede-" + unique());
        input.put("image", Map.of("url", "https://cdn.example.nl/x.jpg", "alt", "Alt"));
        String related = createPublished(article("Lees ook " + unique(), tag));
        String draftRelated = create(editor(), article("Geheim " + unique(), tag));
        input.put("related", List.of(related, draftRelated));
        String id = createPublished(input);
        String slug = anonymous().get("/api/v1/articles/" + id).then().extract().path("slug");

        GraphQL.post(anonymous(), "query($id: ID) { article(id: $id) { " + ARTICLE_FIELDS + " } }", Map.of("id", id))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.article.id", is(id))
                .body("data.article.status", is("PUBLISHED"))
                .body("data.article.body.html", containsString("<h2>Tussenkop</h2>"))
                .body("data.article.image.alt", is("Alt"))
                .body("data.article.authors[0].name", notNullValue())
                .body("data.article.tags.slug", contains(tag, input.get("tags") instanceof List<?> l ? l.get(1) : null))
                .body("data.article.primaryTag.slug", is(tag))
                .body("data.article.related.id", contains(related)); // the draft link is hidden from readers
        GraphQL.post(editor(), "query($slug: String) { article(slug: $slug) { id related { id } } }", Map.of("slug", slug))
                .body("data.article.id", is(id))
                .body("data.article.related.id", contains(related, draftRelated));
    }

    @Test
    void connectionWalkEqualsTheRestWalk() {
        String tag = "gqlwalk-" + unique();
        for (int i = 0; i < 5; i++) {
            createPublished(article("Walk " + i + " " + unique(), tag));
        }
        List<String> rest = new ArrayList<>();
        List<String> restCursors = new ArrayList<>();
        String cursor = null;
        do {
            var request = anonymous().queryParam("tag", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            rest.addAll(page.getList("data.id"));
            cursor = page.getString("page.next");
            restCursors.add(cursor);
        } while (cursor != null);

        List<String> graph = new ArrayList<>();
        String after = null;
        boolean more;
        do {
            JsonPath page = GraphQL.post(anonymous(), """
                    query($tags: [String], $after: String) {
                      articles(filter: {tags: $tags}, first: 2, after: $after) {
                        totalCount edges { cursor node { id authors { name } tags { slug } } }
                        pageInfo { hasNextPage endCursor }
                      }
                    }""", after == null ? Map.of("tags", List.of(tag)) : Map.of("tags", List.of(tag), "after", after))
                    .statusCode(200).body("errors", nullValue()).body("data.articles.totalCount", is(5))
                    .extract().jsonPath();
            graph.addAll(page.getList("data.articles.edges.node.id"));
            more = page.getBoolean("data.articles.pageInfo.hasNextPage");
            after = page.getString("data.articles.pageInfo.endCursor");
        } while (more);
        assertEquals(rest, graph);
        assertEquals(5, graph.size());
    }

    @Test
    void filtersAndSortsMatchRest() {
        String tag = "gqlsort-" + unique();
        String b = createPublished(article("B " + unique(), tag));
        String a = createPublished(article("A " + unique(), tag));
        GraphQL.post(anonymous(), "query($t: [String]) { articles(filter: {tags: $t}, sort: TITLE) { edges { node { id } } } }",
                Map.of("t", List.of(tag))).body("data.articles.edges.node.id", contains(a, b));
        GraphQL.post(anonymous(), "query($t: [String]) { articles(filter: {tags: $t, status: [DRAFT]}) { totalCount } }",
                Map.of("t", List.of(tag))).body("errors[0].extensions.code", is("auth.unauthorized"));
        GraphQL.post(anonymous(), "{ articles(first: 1000) { totalCount } }")
                .body("errors[0].extensions.code", is("request.invalid"));
        GraphQL.post(anonymous(), "{ articles(after: \"bm9wZQ\") { totalCount } }")
                .body("errors[0].extensions.code", is("request.invalid-cursor"));
        GraphQL.post(anonymous(), "{ articles(filter: {tags: [\"Geen Slug\"]}) { totalCount } }")
                .body("errors[0].extensions.code", is("request.invalid"));
    }

    @Test
    void mutationsFollowTheSameRulesAsRest() {
        String create = """
                mutation($input: ArticleInput!) { createArticle(input: $input) { id status version authors { name } } }""";
        Map<String, Object> input = Map.of("title", "Via GraphQL " + unique(), "body", "Hallo *wereld*");
        // Anonymous and role-less callers are refused with the REST codes.
        GraphQL.post(anonymous(), create, Map.of("input", input))
                .body("data.createArticle", nullValue()).body("errors[0].extensions.code", is("auth.unauthorized"));
        GraphQL.post(as("nora-" + unique()), create, Map.of("input", input))
                .body("errors[0].extensions.code", is("auth.forbidden"));
        // Validation: same code and fields as REST.
        GraphQL.post(editor(), create, Map.of("input", Map.of("title", " ")))
                .body("errors[0].extensions.code", is("request.invalid"))
                .body("errors[0].extensions.status", is(400))
                .body("errors[0].extensions.errors[0].field", is("title"));
        String bob = "bob-" + unique();
        String id = GraphQL.post(as(bob, Api.AUTHOR), create, Map.of("input", input))
                .body("errors", nullValue()).body("data.createArticle.status", is("DRAFT"))
                .extract().path("data.createArticle.id");
        // Drafts are invisible to readers on both APIs.
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404).body("code", is("article.not-found"));
        GraphQL.post(anonymous(), "query($id: ID) { article(id: $id) { id } }", Map.of("id", id))
                .body("data.article", nullValue()).body("errors[0].extensions.code", is("article.not-found"));
        // Authors cannot publish, on both APIs.
        as(bob, Api.AUTHOR).post("/api/v1/articles/" + id + "/publish").then().statusCode(403).body("code", is("auth.forbidden"));
        GraphQL.post(as(bob, Api.AUTHOR), "mutation($id: ID!) { publishArticle(id: $id) { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("auth.forbidden"));
        // A stale version is refused on both APIs.
        String update = """
                mutation($id: ID!, $v: Long!, $input: ArticleInput!) {
                  updateArticle(id: $id, expectedVersion: $v, input: $input) { title version } }""";
        GraphQL.post(as(bob, Api.AUTHOR), update, Map.of("id", id, "v", 7, "input", Map.of("title", "Nieuw")))
                .body("errors[0].extensions.code", is("article.version-conflict"));
        editor().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("title", "Nieuw"))
                .put("/api/v1/articles/" + id).then().statusCode(412).body("code", is("article.version-conflict"));
        GraphQL.post(as(bob, Api.AUTHOR), update, Map.of("id", id, "v", 0, "input", Map.of("title", "Nieuw")))
                .body("errors", nullValue()).body("data.updateArticle.version", is(1));
        // Editors publish; transitions and deletes work.
        GraphQL.post(editor(), "mutation($id: ID!) { publishArticle(id: $id, expectedVersion: 1) { status publishedAt } }",
                Map.of("id", id)).body("data.publishArticle.status", is("PUBLISHED"));
        GraphQL.post(editor(), "mutation($id: ID!) { publishArticle(id: $id) { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("article.invalid-transition"));
        GraphQL.post(editor(), "mutation($id: ID!) { archiveArticle(id: $id) { status } }", Map.of("id", id))
                .body("data.archiveArticle.status", is("ARCHIVED"));
        GraphQL.post(editor(), "mutation($id: ID!) { unpublishArticle(id: $id) { status } }", Map.of("id", id))
                .body("data.unpublishArticle.status", is("DRAFT"));
        String other = createPublished(article("Ander " + unique()));
        GraphQL.post(editor(), "mutation($id: ID!, $r: [String!]!) { setRelatedArticles(id: $id, related: $r) { related { id } } }",
                Map.of("id", id, "r", List.of(other))).body("errors", nullValue());
        GraphQL.post(editor(), "mutation($id: ID!) { deleteArticle(id: $id) }", Map.of("id", id))
                .body("data.deleteArticle", is(id));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void mutationsWithKeycloakTokens() {
        String create = "mutation($input: ArticleInput!) { createArticle(input: $input) { id authors { name } } }";
        String id = GraphQL.post(withToken("erin"), create, Map.of("input", Map.of("title", "Erin via GraphQL " + unique())))
                .body("errors", nullValue()).body("data.createArticle.authors[0].name", is("Erin Bakker"))
                .extract().path("data.createArticle.id");
        GraphQL.post(withToken("erin"), "mutation($id: ID!) { publishArticle(id: $id) { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("auth.forbidden"));
        GraphQL.post(withToken("bob"), "query($id: ID) { article(id: $id) { id } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("article.not-found"));
        GraphQL.post(withToken("alice"), "mutation($id: ID!) { publishArticle(id: $id) { status } }", Map.of("id", id))
                .body("data.publishArticle.status", is("PUBLISHED"));
        GraphQL.post(withToken("dave"), "mutation($input: AuthorInput!) { createAuthor(input: $input) { slug } }",
                Map.of("input", Map.of("name", "Via GraphQL " + unique()))).body("errors", nullValue());
        GraphQL.post(withToken("alice"), "mutation($input: AuthorInput!) { createAuthor(input: $input) { slug } }",
                Map.of("input", Map.of("name", "Mag niet " + unique()))).body("errors[0].extensions.code", is("auth.forbidden"));
    }

    @Test
    void authorsAndTagsWithTheirArticles() {
        String tagName = "GQL Tag " + unique();
        String tagSlug = Slugs.fromText(tagName);
        String id = createPublished(article("Met tag " + unique(), tagName));
        String authorSlug = anonymous().get("/api/v1/articles/" + id).then().extract().path("authors[0].slug");
        GraphQL.post(anonymous(), "query($s: String) { tag(slug: $s) { name articleCount articles(first: 5) { totalCount edges { node { id } } } } }",
                Map.of("s", tagSlug))
                .body("errors", nullValue()).body("data.tag.name", is(tagName)).body("data.tag.articleCount", is(1))
                .body("data.tag.articles.edges.node.id", contains(id));
        GraphQL.post(anonymous(), "query($s: String) { author(slug: $s) { slug email articles(first: 100) { totalCount } } }",
                Map.of("s", authorSlug))
                .body("errors", nullValue()).body("data.author.slug", is(authorSlug)).body("data.author.email", nullValue());
        GraphQL.post(anonymous(), "{ authors(first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } tags(first: 2) { totalCount edges { node { slug } } } }")
                .body("errors", nullValue()).body("data.authors.edges.size()", Matchers.greaterThan(0))
                .body("data.tags.edges.size()", Matchers.greaterThan(0));
        GraphQL.post(editor(), "mutation($i: TagInput!) { createTag(input: $i) { slug version } }",
                Map.of("i", Map.of("name", "Nieuw " + unique()))).body("errors", nullValue());
        GraphQL.post(anonymous(), "query($s: String) { tag(slug: $s) { id } }", Map.of("s", "bestaat-niet-" + unique()))
                .body("errors[0].extensions.code", is("tag.not-found"));
    }

    /** A client cache keeps one object per entity: linked articles, authors and tags come as the top-level types. */
    @Test
    void linkedEntitiesAreTheTopLevelTypesAndPagesKnowTheirEnds() {
        String tag = "norm-" + unique();
        String related = createPublished(article("Genormaliseerd " + unique(), tag));
        var input = article("Met links " + unique(), tag);
        input.put("related", List.of(related));
        String id = createPublished(input);
        createPublished(article("Derde " + unique(), tag));

        JsonPath article = GraphQL.post(anonymous(), """
                query($id: ID) { article(id: $id) {
                  authors { __typename id version } tags { __typename id version articleCount } primaryTag { __typename id }
                  related { __typename id version authors { __typename id } } } }""", Map.of("id", id))
                .statusCode(200).body("errors", nullValue()).extract().jsonPath();
        assertEquals("Article", article.getString("data.article.related[0].__typename"));
        assertEquals(related, article.getString("data.article.related[0].id"));
        assertEquals("Author", article.getString("data.article.authors[0].__typename"));
        assertEquals("Author", article.getString("data.article.related[0].authors[0].__typename"));
        assertEquals("Tag", article.getString("data.article.tags[0].__typename"));
        assertEquals(3, article.getInt("data.article.tags[0].articleCount")); // counted only when asked, still right
        assertEquals("Tag", article.getString("data.article.primaryTag.__typename"));
        assertEquals(article.getString("data.article.tags[0].id"), article.getString("data.article.primaryTag.id"));

        String page = "query($tags: [String], $after: String) { articles(filter: {tags: $tags}, first: 2, after: $after) "
                + "{ edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        JsonPath first = GraphQL.post(anonymous(), page, Map.of("tags", List.of(tag))).statusCode(200)
                .body("errors", nullValue()).extract().jsonPath();
        assertEquals(false, first.getBoolean("data.articles.pageInfo.hasPreviousPage"));
        assertEquals(true, first.getBoolean("data.articles.pageInfo.hasNextPage"));
        assertEquals(first.getString("data.articles.edges[0].cursor"), first.getString("data.articles.pageInfo.startCursor"));
        Map<String, Object> next = Map.of("tags", List.of(tag), "after", first.getString("data.articles.pageInfo.endCursor"));
        JsonPath second = GraphQL.post(anonymous(), page, next).statusCode(200)
                .body("errors", nullValue()).extract().jsonPath();
        assertEquals(true, second.getBoolean("data.articles.pageInfo.hasPreviousPage"));
        assertEquals(false, second.getBoolean("data.articles.pageInfo.hasNextPage"));
        assertEquals(1, second.getList("data.articles.edges").size());
    }
}
