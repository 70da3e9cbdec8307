package io.kopij.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a list of articles is filtered and sorted by. Lists are any-of within a filter (tag=a,b: either tag) and
 * all-of across filters. {@code publishedAfter} is inclusive, {@code publishedBefore} exclusive.
 */
public record ArticleQuery(
        List<String> tags,
        List<String> authors,
        Optional<String> language,
        Set<ArticleStatus> statuses,
        Optional<Instant> publishedAfter,
        Optional<Instant> publishedBefore,
        Optional<Boolean> featured,
        ArticleSort sort) {

    public static ArticleQuery published() {
        return new ArticleQuery(List.of(), List.of(), Optional.empty(), Set.of(ArticleStatus.PUBLISHED),
                Optional.empty(), Optional.empty(), Optional.empty(), ArticleSort.PUBLISHED_NEWEST);
    }
}
