package io.kopij.article.query;

import static io.kopij.article.query.ArticleQuery.Criteria.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kopij.article.ArticleStatus;
import io.kopij.article.query.ArticleQuery.Criteria;
import io.kopij.article.query.ArticleQuery.ParameterNames;
import io.kopij.shared.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The list rules live in one model: the same input gets the same answer, named as each API names it. */
class ArticleQueryTest {

    @Test
    void defaultsArePublishedNewestFirstOrRelevanceWithAText() {
        ArticleQuery plain = query(ParameterNames.REST, NONE);
        assertEquals(Set.of(ArticleStatus.PUBLISHED), plain.statuses());
        assertEquals(ArticleSort.PUBLISHED_NEWEST, plain.sort());
        ArticleQuery search = query(ParameterNames.GRAPHQL, text("  taalmodel "));
        assertEquals(ArticleSort.RELEVANCE, search.sort());
        assertEquals(Optional.of("taalmodel"), search.text());
    }

    @Test
    void anEmptyTextIsAnErrorOnBothApis() {
        assertEquals("q", field(ParameterNames.REST, text(" ")));
        assertEquals("filter.query", field(ParameterNames.GRAPHQL, text("")));
    }

    @Test
    void relevanceNeedsAText() {
        assertEquals("sort", field(ParameterNames.GRAPHQL, NONE.withSort(ArticleSort.RELEVANCE)));
    }

    @Test
    void valuesAreSlugsAtMostTwentyAndEachOnce() {
        assertEquals(List.of("ai", "llm"),
                query(ParameterNames.REST, tags(List.of("ai", "llm", "ai"))).tags());
        assertEquals("filter.authors", field(ParameterNames.GRAPHQL,
                new Criteria(null, List.of("Not A Slug"), null, null, null, null, null, null, null)));
        List<String> many = IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
        assertEquals("tag", field(ParameterNames.REST, tags(many)));
    }

    @Test
    void theDateRangeMustBeOrderedAndTheLanguageATag() {
        Instant at = Instant.parse("2026-11-27T09:00:00Z");
        assertEquals("publishedBefore", field(ParameterNames.REST,
                new Criteria(null, null, null, null, at, at, null, null, null)));
        assertEquals("filter.language", field(ParameterNames.GRAPHQL,
                new Criteria(null, null, "nederlands!", null, null, null, null, null, null)));
    }

    @Test
    void noStatusesMeansPublished() {
        assertEquals(Set.of(ArticleStatus.PUBLISHED),
                query(ParameterNames.GRAPHQL, new Criteria(null, null, null, List.of(), null, null, null, null, null))
                        .statuses());
    }

    private static ArticleQuery query(ParameterNames names, Criteria criteria) {
        return criteria.toQuery(names);
    }

    private static String field(ParameterNames names, Criteria criteria) {
        return assertThrows(InvalidInputException.class, () -> criteria.toQuery(names)).errors().get(0).field();
    }

    private static Criteria text(String text) {
        return new Criteria(null, null, null, null, null, null, null, null, text);
    }

    private static Criteria tags(List<String> tags) {
        return new Criteria(tags, null, null, null, null, null, null, null, null);
    }
}
