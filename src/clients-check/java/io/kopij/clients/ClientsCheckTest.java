package io.kopij.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLRequest;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLResult;
import io.kopij.clients.graphql.ArticleConnectionResponseProjection;
import io.kopij.clients.graphql.ArticleEdgeResponseProjection;
import io.kopij.clients.graphql.ArticleFilter;
import io.kopij.clients.graphql.ArticleQueryRequest;
import io.kopij.clients.graphql.ArticleQueryResponse;
import io.kopij.clients.graphql.ArticleResponseProjection;
import io.kopij.clients.graphql.ArticlesQueryRequest;
import io.kopij.clients.graphql.ArticlesQueryResponse;
import io.kopij.clients.graphql.AuthorResponseProjection;
import io.kopij.clients.graphql.CreateArticleMutationRequest;
import io.kopij.clients.graphql.CreateArticleMutationResponse;
import io.kopij.clients.graphql.PageInfoResponseProjection;
import io.kopij.clients.graphql.TagResponseProjection;
import io.kopij.clients.graphql.UpdateArticleMutationRequest;
import io.kopij.clients.graphql.UpdateArticleMutationResponse;
import io.kopij.clients.rest.ApiClient;
import io.kopij.clients.rest.ApiException;
import io.kopij.clients.rest.ApiResponse;
import io.kopij.clients.rest.api.ArticlesApi;
import io.kopij.clients.rest.model.Article;
import io.kopij.clients.rest.model.ArticleInput;
import io.kopij.clients.rest.model.ArticleList;
import io.kopij.clients.rest.model.ArticlePatch;
import io.kopij.clients.rest.model.ArticleSummary;
import io.kopij.clients.rest.model.GetArticleBySlug200Response;
import io.kopij.clients.rest.model.Problem;
import io.kopij.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a mobile or front-end team does on day one, with clients generated from the committed contracts (no manual
 * patches): openapi-generator's okhttp-gson Java client for REST, graphql-java-codegen for GraphQL. Each walks a
 * list to its end, reads by slug, reads a 404 problem, revalidates, and writes as an editor with a Keycloak token.
 */
@QuarkusTest
class ClientsCheckTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @TestHTTPResource("/")
    URL base;

    @Test
    void generatedRestClient() throws Exception {
        String tag = "client-" + UUID.randomUUID().toString().substring(0, 8);
        ArticlesApi editor = new ArticlesApi(client(Tokens.of("alice")));
        ArticlesApi reader = new ArticlesApi(client(null));

        Set<UUID> published = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Article draft = editor.createArticle(new ArticleInput().title("Client " + i + " " + tag)
                    .body("Tekst van het artikel " + i).language("nl").tags(List.of(tag)));
            published.add(editor.publishArticle(draft.getId(), null, null).getId());
        }

        // A list walked with its cursors, two at a time, to the end.
        Set<UUID> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ArticleList page = reader.listArticles(null, cursor, null, null, null, 2, null, null, null, null, null, null,
                    tag, null).getArticleList();
            page.getData().stream().map(ArticleSummary::getId).forEach(seen::add);
            cursor = page.getPage().getNext();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(published, seen);
        assertEquals(3, pages);

        // By slug, then revalidated with its ETag: 304 (okhttp-gson reports non-2xx as ApiException).
        Article any = editor.getArticle(seen.iterator().next(), null, null, null).getArticle();
        ApiResponse<GetArticleBySlug200Response> bySlug = reader.getArticleBySlugWithHttpInfo(any.getSlug(), null, null);
        assertEquals(any.getId(), bySlug.getData().getArticle().getId());
        String etag = header(bySlug, "etag");
        ApiException notModified = assertThrows(ApiException.class,
                () -> reader.getArticleBySlugWithHttpInfo(any.getSlug(), null, etag));
        assertEquals(304, notModified.getCode());

        // The server may add a field: the generated models keep it instead of throwing.
        String answered = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/articles/" + any.getId())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String grown = answered.replaceFirst("\\{", "{\"subtitle\":\"nieuw veld\",");
        assertEquals("nieuw veld", Article.fromJson(grown).getAdditionalProperty("subtitle"));

        // A 404 is a problem document the generated model reads.
        ApiException missing = assertThrows(ApiException.class,
                () -> reader.getArticleBySlug("bestaat-niet-" + tag, null, null));
        assertEquals(404, missing.getCode());
        Problem problem = Problem.fromJson(missing.getResponseBody());
        assertEquals(404, problem.getStatus());
        assertNotNull(problem.getCode());

        // An editor's PATCH with If-Match; a stale version is 412.
        ApiResponse<Article> read = editorRead(editor, any.getId());
        String current = header(read, "etag");
        Article patched = editor.patchArticle(any.getId(), current, new ArticlePatch().title("Bijgewerkt " + tag));
        assertEquals("Bijgewerkt " + tag, patched.getTitle());
        ApiException stale = assertThrows(ApiException.class,
                () -> editor.patchArticle(any.getId(), current, new ArticlePatch().title("Te laat")));
        assertEquals(412, stale.getCode());
    }

    @Test
    void generatedGraphQLClient() throws Exception {
        String tag = "gqlclient-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.of("alice");

        ArticleResponseProjection fields = new ArticleResponseProjection().id().slug().title().version().status()
                .authors(new AuthorResponseProjection().id().name()).tags(new TagResponseProjection().id().slug());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            io.kopij.clients.graphql.ArticleInput input = new io.kopij.clients.graphql.ArticleInput();
            input.setTitle("GraphQL client " + i + " " + tag);
            input.setBody("Tekst " + i);
            input.setLanguage("nl");
            input.setTags(List.of(tag));
            CreateArticleMutationRequest create = new CreateArticleMutationRequest();
            create.setInput(input);
            var article = post(new GraphQLRequest(create, fields), token, CreateArticleMutationResponse.class)
                    .createArticle();
            created.add(article.getId());
            new ArticlesApi(client(token)).publishArticle(UUID.fromString(article.getId()), null, null);
        }

        // Cursors walked to the end.
        ArticleFilter filter = new ArticleFilter();
        filter.setTags(List.of(tag));
        ArticleConnectionResponseProjection page = new ArticleConnectionResponseProjection().totalCount()
                .edges(new ArticleEdgeResponseProjection().cursor().node(fields))
                .pageInfo(new PageInfoResponseProjection().hasNextPage().endCursor().hasPreviousPage().startCursor());
        Set<String> seen = new HashSet<>();
        String after = null;
        boolean more = true;
        while (more) {
            ArticlesQueryRequest list = new ArticlesQueryRequest();
            list.setFilter(filter);
            list.setFirst(2);
            list.setAfter(after);
            var connection = post(new GraphQLRequest(list, page), null, ArticlesQueryResponse.class).articles();
            connection.getEdges().forEach(edge -> seen.add(edge.getNode().getId()));
            assertEquals(after != null, connection.getPageInfo().getHasPreviousPage());
            more = connection.getPageInfo().getHasNextPage();
            after = connection.getPageInfo().getEndCursor();
        }
        assertEquals(Set.copyOf(created), seen);

        // By slug; an unknown slug is null with a not-found error code.
        ArticleQueryRequest one = new ArticleQueryRequest();
        var first = post(new GraphQLRequest(byId(created.get(0)), fields), null, ArticleQueryResponse.class).article();
        one.setSlug(first.getSlug());
        var bySlug = post(new GraphQLRequest(one, fields), null, ArticleQueryResponse.class).article();
        assertEquals(created.get(0), bySlug.getId());
        ArticleQueryRequest unknown = new ArticleQueryRequest();
        unknown.setSlug("bestaat-niet-" + tag);
        ArticleQueryResponse missing = send(new GraphQLRequest(unknown, fields), null, ArticleQueryResponse.class);
        assertNull(missing.article());

        // An update with the version read; the same version again is refused.
        io.kopij.clients.graphql.ArticleInput change = new io.kopij.clients.graphql.ArticleInput();
        change.setTitle("Bijgewerkt " + tag);
        change.setBody("Nieuwe tekst");
        change.setLanguage("nl");
        change.setTags(List.of(tag));
        UpdateArticleMutationRequest update = new UpdateArticleMutationRequest();
        update.setId(bySlug.getId());
        update.setExpectedVersion(bySlug.getVersion());
        update.setInput(change);
        var updated = post(new GraphQLRequest(update, fields), token, UpdateArticleMutationResponse.class)
                .updateArticle();
        assertEquals("Bijgewerkt " + tag, updated.getTitle());
        assertTrue(updated.getVersion() > bySlug.getVersion());
        UpdateArticleMutationResponse stale = send(new GraphQLRequest(update, fields), token,
                UpdateArticleMutationResponse.class);
        assertFalse(stale.getErrors() == null || stale.getErrors().isEmpty(), "a stale version must be refused");
    }

    private static ArticleQueryRequest byId(String id) {
        ArticleQueryRequest request = new ArticleQueryRequest();
        request.setId(id);
        return request;
    }

    private <T extends GraphQLResult<?>> T post(GraphQLRequest request, String token, Class<T> type) throws Exception {
        T result = send(request, token, type);
        assertTrue(result.getErrors() == null || result.getErrors().isEmpty(), () -> "errors: " + result.getErrors());
        return result;
    }

    private <T> T send(GraphQLRequest request, String token, Class<T> type) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + "graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toHttpJsonBody()));
        if (token != null) {
            http.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readValue(response.body(), type);
    }

    private ApiResponse<Article> editorRead(ArticlesApi editor, UUID id) throws ApiException {
        ApiResponse<GetArticleBySlug200Response> response = editor.getArticleWithHttpInfo(id, null, null, null);
        return new ApiResponse<>(response.getStatusCode(), response.getHeaders(), response.getData().getArticle());
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.setBasePath(base.toString().replaceAll("/$", ""));
        if (token != null) {
            client.setBearerToken(token);
        }
        return client;
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
