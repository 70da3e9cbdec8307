package io.kopij.article;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.kopij.support.GraphQL;
import io.kopij.support.QuietScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Relations load in batches: a page of articles with authors, tags, primary tag and related links costs the same
 * number of SQL statements for 10 rows as for 100 (and REST lists likewise).
 */
@QuarkusTest
class GraphQLStatementCountTest {

    private static final Logger LOG = Logger.getLogger(GraphQLStatementCountTest.class);
    private static final String PAGE = """
            query($tags: [String], $first: Int) {
              articles(filter: {tags: $tags}, first: $first) {
                totalCount
                edges { cursor node { id title body { html } authors { name } tags { slug } primaryTag { slug }
                  related(first: 3) { id title } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Inject
    SessionFactory sessionFactory;

    @Test
    void statementsDoNotGrowWithThePageSize() {
        String tag = "telling-" + unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            var input = article("Telling " + i + " " + unique(), tag, "tweede-" + (i % 7) + "-" + tag);
            if (!ids.isEmpty()) {
                input.put("related", List.of(ids.get(ids.size() - 1)));
            }
            ids.add(editor().contentType(ContentType.JSON).body(input).post("/api/v1/articles")
                    .then().statusCode(201).extract().path("id"));
        }
        for (String id : ids) {
            editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        }

        long[] counts = QuietScheduler.withoutScheduledJobs(() -> new long[] {
                graphqlStatements(tag, 10), graphqlStatements(tag, 100), restStatements(tag, 10), restStatements(tag, 100),
                restTransactions(tag, ids.get(0))});
        long ten = counts[0];
        long hundred = counts[1];
        LOG.infof("SQL statements per GraphQL articles query with all relations: first=10 -> %d, first=100 -> %d",
                ten, hundred);
        assertEquals(ten, hundred, "statements grew with the page size");
        // The page (rows with their total, author and tag summaries) 2; authors as Author 1; tags as Tag 1 (primaryTag
        // reuses them; articleCount only when asked); related links and ranking, then the related articles (rows, then
        // their author and tag summaries).
        assertTrue(hundred <= 10, "too many statements per page: " + hundred);

        long restTen = counts[2];
        long restHundred = counts[3];
        LOG.infof("SQL statements per REST list: limit=10 -> %d, limit=100 -> %d", restTen, restHundred);
        assertEquals(restTen, restHundred);
        // The rows with their total, then the authors and tags of all of them.
        assertTrue(restHundred <= 2, "too many statements per REST list: " + restHundred);
        // A read needs no transaction (each statement has its own snapshot under READ COMMITTED anyway): no BEGIN
        // and COMMIT round trips around its statements.
        assertEquals(0, counts[4], "transactions for two REST lists and an article");
    }

    private long graphqlStatements(String tag, int first) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        GraphQL.post(anonymous(), PAGE, Map.of("tags", List.of(tag), "first", first)).statusCode(200)
                .body("errors", nullValue())
                .body("data.articles.edges.size()", is(first))
                .body("data.articles.edges[1].node.related.size()", is(3));
        return statistics.getPrepareStatementCount() - before;
    }

    private long restTransactions(String tag, String articleId) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getTransactionCount();
        long statementsBefore = statistics.getPrepareStatementCount();
        anonymous().queryParam("tag", tag).queryParam("q", "telling").get("/api/v1/articles").then().statusCode(200)
                .body("data.size()", is(20));
        anonymous().queryParam("tag", tag).queryParam("limit", 7).get("/api/v1/articles").then().statusCode(200)
                .body("data.size()", is(7));
        anonymous().get("/api/v1/articles/" + articleId).then().statusCode(200).body("id", is(articleId));
        assertTrue(statistics.getPrepareStatementCount() - statementsBefore >= 5, "the reads ran their statements");
        return statistics.getTransactionCount() - before;
    }

    private long restStatements(String tag, int limit) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        anonymous().queryParam("tag", tag).queryParam("limit", limit).get("/api/v1/articles").then().statusCode(200)
                .body("data.size()", is(limit));
        return statistics.getPrepareStatementCount() - before;
    }

}
