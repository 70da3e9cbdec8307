package io.kopij.shared.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prefetched values are answered by the identity of their source object; anything else goes to the batch. */
class PrefetchedFieldsTest {

    private final GraphQLContext request = GraphQLContext.newContext().build();
    private final List<Object> batched = new ArrayList<>();
    private final DataFetcher<?> batch = environment -> {
        batched.add(environment.getSource());
        return "from the batch";
    };

    @Test
    void answersPrefetchedValuesWithoutTheBatch() throws Exception {
        String first = new String("article");
        String equalButNotTheSame = new String("article");
        PrefetchedFields.put(on(first), "Article", "authors", Map.of(first, "prefetched"));
        DataFetcher<?> fetcher = PrefetchedFields.orBatch("Article", "authors", batch);

        assertEquals("prefetched", fetcher.get(on(first)));
        assertEquals(List.of(), batched);
        assertEquals("from the batch", fetcher.get(on(equalButNotTheSame)), "matched by equality, not identity");
        assertSame(equalButNotTheSame, batched.get(0));
    }

    @Test
    void otherFieldsAndRequestsGoToTheBatch() throws Exception {
        String article = "article";
        PrefetchedFields.put(on(article), "Article", "tags", Map.of(article, "prefetched"));

        assertEquals("from the batch", PrefetchedFields.orBatch("Article", "authors", batch).get(on(article)));
        DataFetchingEnvironment otherRequest = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .graphQLContext(GraphQLContext.newContext().build()).source(article).build();
        assertEquals("from the batch", PrefetchedFields.orBatch("Article", "tags", batch).get(otherRequest));
        assertEquals(2, batched.size());
    }

    private DataFetchingEnvironment on(Object source) {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment().graphQLContext(request).source(source).build();
    }
}
