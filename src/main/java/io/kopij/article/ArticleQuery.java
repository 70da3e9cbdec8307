package io.kopij.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a list of articles is filtered and sorted by. Lists are any-of within a filter (tag=a,b: either tag) and
 * all-of across filters. {@code publishedAfter} is inclusive, {@code publishedBefore} exclusive. {@code text} is
 * a full-text query (web-search syntax: words, "phrases", -exclusions, or).
 */
public record ArticleQuery(
        List<String> tags,
        List<String> authors,
        Optional<String> language,
        Set<ArticleStatus> statuses,
        Optional<Instant> publishedAfter,
        Optional<Instant> publishedBefore,
        Optional<Boolean> featured,
        ArticleSort sort,
        Optional<String> text) {

    /** A BCP 47 language tag as articles store it ("nl", "en-GB"). */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile(LANGUAGE_TAG);

    public static boolean isLanguageTag(String value) {
        return value != null && value.length() <= 35 && LANGUAGE.matcher(value).matches();
    }

    /** Longest full-text query accepted. */
    public static final int MAX_TEXT_LENGTH = 200;

    public ArticleQuery {
        if (sort == ArticleSort.RELEVANCE && text.isEmpty()) {
            throw io.kopij.shared.error.InvalidInputException.field("sort", "relevance needs a full-text query");
        }
    }

    /** Published articles of these tags (any) and authors (any), newest first. */
    public static ArticleQuery published(List<String> tags, List<String> authors) {
        return new ArticleQuery(tags, authors, Optional.empty(), Set.of(ArticleStatus.PUBLISHED),
                Optional.empty(), Optional.empty(), Optional.empty(), ArticleSort.PUBLISHED_NEWEST, Optional.empty());
    }
}
