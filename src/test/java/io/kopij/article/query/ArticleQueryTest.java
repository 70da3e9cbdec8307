package io.kopij.article.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kopij.article.ArticleStatus;
import io.kopij.article.query.ArticleQuery.ParameterNames;
import io.kopij.shared.error.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The list rules live in one model: the same input gets the same answer, named as each API names it. */
class ArticleQueryTest {

    @Test
    void defaultsArePublishedNewestFirstOrRelevanceWithAText() {
        ArticleQuery plain = ArticleQuery.builder(ParameterNames.REST).build();
        assertEquals(Set.of(ArticleStatus.PUBLISHED), plain.statuses());
        assertEquals(ArticleSort.PUBLISHED_NEWEST, plain.sort());
        ArticleQuery search = ArticleQuery.builder(ParameterNames.GRAPHQL).text("  taalmodel ").build();
        assertEquals(ArticleSort.RELEVANCE, search.sort());
        assertEquals(Optional.of("taalmodel"), search.text());
    }

    @Test
    void anEmptyTextIsAnErrorOnBothApis() {
        assertEquals("q", field(() -> ArticleQuery.builder(ParameterNames.REST).text(" ").build()));
        assertEquals("filter.query", field(() -> ArticleQuery.builder(ParameterNames.GRAPHQL).text("").build()));
    }

    @Test
    void relevanceNeedsAText() {
        assertEquals("sort", field(() -> ArticleQuery.builder(ParameterNames.GRAPHQL).sort(ArticleSort.RELEVANCE).build()));
    }

    @Test
    void valuesAreSlugsAtMostTwentyAndEachOnce() {
        assertEquals(List.of("ai", "llm"),
                ArticleQuery.builder(ParameterNames.REST).tags(List.of("ai", "llm", "ai")).build().tags());
        assertEquals("filter.authors", field(() -> ArticleQuery.builder(ParameterNames.GRAPHQL)
                .authors(List.of("Not A Slug")).build()));
        List<String> many = IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
        assertEquals("tag", field(() -> ArticleQuery.builder(ParameterNames.REST).tags(many).build()));
    }

    @Test
    void theDateRangeMustBeOrderedAndTheLanguageATag() {
        Instant at = Instant.parse("2026-11-27T09:00:00Z");
        assertEquals("publishedBefore", field(() -> ArticleQuery.builder(ParameterNames.REST)
                .publishedAfter(at).publishedBefore(at).build()));
        assertEquals("filter.language", field(() -> ArticleQuery.builder(ParameterNames.GRAPHQL)
                .language("nederlands!").build()));
    }

    @Test
    void noStatusesMeansPublished() {
        assertEquals(Set.of(ArticleStatus.PUBLISHED),
                ArticleQuery.builder(ParameterNames.GRAPHQL).statuses(Collections.emptyList()).build().statuses());
    }

    private static String field(Runnable build) {
        return assertThrows(InvalidInputException.class, build::run).errors().get(0).field();
    }
}
