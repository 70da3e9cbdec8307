package io.kopij.article;

import static io.kopij.support.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.kopij.support.GraphQL;
import io.kopij.support.QuietScheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Abusive queries are refused before they run: no SQL statement is executed for them, no internals leak. */
@QuarkusTest
class GraphQLLimitsTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void deepNestingIsRefused() {
        // articles > edges > node > authors > articles > edges > node > authors > articles > edges > node > id: 12
        String deep = "{ articles(first: 1) { edges { node { authors { articles(first: 1) { edges { node { "
                + "authors { articles(first: 1) { edges { node { id } } } } } } } } } } } }";
        assertRefusedWithoutSql(deep, "graphql.query-too-deep");
        String viaFragments = """
                { articles(first: 1) { ...Page } }
                fragment Page on ArticleConnection { edges { node { authors { ...Writer } } } }
                fragment Writer on Author { articles(first: 1) { edges { node { tags { articles(first: 1) {
                  edges { node { id } } } } } } } }""";
        assertRefusedWithoutSql(viaFragments, "graphql.query-too-deep");
        // Ten levels are fine.
        GraphQL.post(anonymous(), "{ articles(first: 1) { edges { node { authors { articles(first: 1) { edges { node { "
                + "id } } } } } } } }").statusCode(200).body("errors", nullValue());
    }

    @Test
    void hugePageSizesAreRefusedByCost() {
        assertRefusedWithoutSql("{ articles(first: 100000) { edges { node { id title } } } }",
                "graphql.query-too-expensive");
        assertRefusedWithoutSql("{ authors(first: 100) { edges { node { articles(first: 100) { edges { node { id "
                + "related(first: 20) { title } } } } } } } }", "graphql.query-too-expensive");
        // A full page of 100 articles with their relations is within budget.
        GraphQL.post(anonymous(), "{ articles(first: 100) { edges { node { id title authors { name } tags { slug } "
                + "primaryTag { slug } related(first: 5) { title } } } } }").statusCode(200).body("errors", nullValue());
    }

    @Test
    void manyAliasesAndRootFieldsAreRefused() {
        StringBuilder roots = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            roots.append(" a").append(i).append(": tags(first: 1) { totalCount }");
        }
        assertRefusedWithoutSql(roots.append(" }").toString(), "graphql.too-many-root-fields");
        StringBuilder aliases = new StringBuilder("{ articles(first: 1) { edges { node {");
        for (int i = 0; i < 200; i++) {
            aliases.append(" t").append(i).append(": title");
        }
        assertRefusedWithoutSql(aliases.append(" } } } }").toString(), "graphql.too-many-aliases");
    }

    @Test
    void longQueriesAreRefused() {
        assertRefusedWithoutSql("{ tags { totalCount } }\n#" + "x".repeat(20_000), "graphql.query-too-long");
    }

    @Test
    void malformedQueriesAreErrorsNotFailures() {
        GraphQL.post(anonymous(), "{ articles { edges { node { bestaatNiet } } } }").statusCode(200)
                .body("errors[0].message", containsString("bestaatNiet"));
        GraphQL.post(anonymous(), "{ articles(").statusCode(200).body("errors.size()", is(1));
        anonymous().contentType("application/json").body("{\"query\": 5}").post("/graphql")
                .then().statusCode(Matchers.lessThan(500));
        anonymous().contentType("application/json").body("niet json").post("/graphql")
                .then().statusCode(Matchers.lessThan(500));
    }

    private void assertRefusedWithoutSql(String query, String expectedCode) {
        var statistics = sessionFactory.getStatistics();
        long[] counts = QuietScheduler.withoutScheduledJobs(() -> {
            long before = statistics.getPrepareStatementCount();
            GraphQL.post(anonymous(), query).statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", is(expectedCode))
                    .body("errors[0].message", not(containsString("Exception")))
                    .body("errors[0].message", not(containsString("select")));
            return new long[] {before, statistics.getPrepareStatementCount()};
        });
        assertEquals(counts[0], counts[1], "a refused query ran SQL");
    }
}
