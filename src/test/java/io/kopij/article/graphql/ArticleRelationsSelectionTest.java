package io.kopij.article.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the articles resolver prefetches follows what the query selects under edges/node, through aliases and
 * fragments, and nothing elsewhere in the query.
 */
class ArticleRelationsSelectionTest {

    private static final String SDL = """
            type Query { articles: ArticleConnection }
            type ArticleConnection { edges: [ArticleEdge] totalCount: Int }
            type ArticleEdge { cursor: String node: Article }
            type Article { id: ID authors: [Author] tags: [Tag] primaryTag: Tag related: [Article] }
            type Author { name: String }
            type Tag { slug: String }
            """;

    private final List<Set<String>> seen = new ArrayList<>();
    private final GraphQL graphQL = GraphQL.newGraphQL(schema()).build();

    @Test
    void fieldsSelectedUnderEdgesNode() {
        assertEquals(Set.of("id", "authors", "primaryTag"),
                selected("{ articles { edges { node { id authors { name } primaryTag { slug } } } } }"));
        assertEquals(Set.of("tags", "authors"), selected("""
                query { articles { totalCount edges { cursor n: node { t: tags { slug } ...A } } } }
                fragment A on Article { authors { name } }"""));
    }

    @Test
    void fieldsOfNestedArticlesAreNotTheirs() {
        assertEquals(Set.of("related"),
                selected("{ articles { edges { node { related { authors { name } tags { slug } } } } } }"));
        assertEquals(Set.of(), selected("{ articles { totalCount } }"));
    }

    private Set<String> selected(String query) {
        ExecutionResult result = graphQL.execute(query);
        assertEquals(List.of(), result.getErrors());
        return seen.remove(seen.size() - 1);
    }

    private GraphQLSchema schema() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("articles",
                environment -> {
                    seen.add(ArticleRelations.selectedUnder(environment.getSelectionSet(), "edges", "node"));
                    return Map.of("totalCount", 0, "edges", List.of());
                })).build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }
}
