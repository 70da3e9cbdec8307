package io.kopij.article.query;

import io.kopij.article.ArticleStatus;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.text.LanguageTags;
import io.kopij.shared.text.Slugs;
import io.kopij.shared.web.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a list of articles is filtered and sorted by, and every rule about it: which values are valid, how many,
 * and what the defaults are. REST parameters and the GraphQL filter are both translated into {@link Criteria};
 * {@link Criteria#toQuery} applies the rules, so the two APIs cannot drift apart.
 *
 * <p>Lists are any-of within a filter ({@code tag=a,b}: either tag) and all-of across filters.
 * {@code publishedAfter} is inclusive, {@code publishedBefore} exclusive. {@code text} is a full-text query
 * (web-search syntax: words, "phrases", -exclusions, or).
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

    /** Most values one filter takes (tags, authors). */
    public static final int MAX_VALUES = 20;
    /** Longest full-text query accepted. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** Published articles of these tags (any) and authors (any), newest first. */
    public static ArticleQuery published(List<String> tags, List<String> authors) {
        return new Criteria(tags, authors, null, null, null, null, null, null, null).toQuery(ParameterNames.REST);
    }

    /** Every article whatever its status, most recently changed first (editorial tooling). */
    public static ArticleQuery everything() {
        return new Criteria(null, null, null, EnumSet.allOf(ArticleStatus.class), null, null, null,
                ArticleSort.UPDATED_NEWEST, null).toQuery(ParameterNames.REST);
    }

    public boolean onlyPublished() {
        return statuses.equals(Set.of(ArticleStatus.PUBLISHED));
    }

    /** Whether no filter beyond the statuses applies (the total then comes from the kept per-status counts). */
    boolean filtersOnlyByStatus() {
        return tags.isEmpty() && authors.isEmpty() && language.isEmpty() && publishedAfter.isEmpty()
                && publishedBefore.isEmpty() && featured.isEmpty() && text.isEmpty();
    }

    /** Drafts and scheduled articles may have no publication time: publishedAt orders then put them last. */
    boolean publishedAtMayBeNull() {
        return statuses.contains(ArticleStatus.DRAFT) || statuses.contains(ArticleStatus.SCHEDULED);
    }

    /** The names the client used for each filter, so every error names what the client sent. */
    public record ParameterNames(String tags, String authors, String language, String statuses,
            String publishedAfter, String publishedBefore, String featured, String sort, String text) {

        public static final ParameterNames REST = new ParameterNames("tag", "author", "lang", "status",
                "publishedAfter", "publishedBefore", "featured", "sort", "q");
        public static final ParameterNames GRAPHQL = new ParameterNames("filter.tags", "filter.authors",
                "filter.language", "filter.status", "filter.publishedAfter", "filter.publishedBefore",
                "filter.featured", "sort", "filter.query");
    }

    /**
     * The filters as an adapter parsed them, before any rule is applied; null (or empty) means "not given".
     * {@link #toQuery} applies the rules.
     */
    public record Criteria(List<String> tags, List<String> authors, String language,
            Collection<ArticleStatus> statuses, Instant publishedAfter, Instant publishedBefore, Boolean featured,
            ArticleSort sort, String text) {

        public static final Criteria NONE = new Criteria(null, null, null, null, null, null, null, null, null);

        public Criteria withSort(ArticleSort order) {
            return new Criteria(tags, authors, language, statuses, publishedAfter, publishedBefore, featured, order,
                    text);
        }

        public ArticleQuery toQuery(ParameterNames names) {
            if (language != null && !LanguageTags.isValid(language)) {
                throw InvalidInputException.field(names.language(), "must be a BCP 47 language tag such as nl or en");
            }
            Timestamps.require(publishedAfter, names.publishedAfter());
            Timestamps.require(publishedBefore, names.publishedBefore());
            if (publishedAfter != null && publishedBefore != null && !publishedAfter.isBefore(publishedBefore)) {
                throw InvalidInputException.field(names.publishedBefore(), "must be later than publishedAfter");
            }
            Optional<String> query = text(names);
            ArticleSort order = sort != null ? sort : query.isPresent() ? ArticleSort.RELEVANCE : ArticleSort.PUBLISHED_NEWEST;
            if (order == ArticleSort.RELEVANCE && query.isEmpty()) {
                throw InvalidInputException.field(names.sort(), "relevance needs a full-text query (" + names.text() + ")");
            }
            Set<ArticleStatus> wanted = statuses == null || statuses.isEmpty() ? Set.of(ArticleStatus.PUBLISHED)
                    : Set.copyOf(statuses);
            return new ArticleQuery(slugs(names.tags(), tags), slugs(names.authors(), authors),
                    Optional.ofNullable(language), wanted, Optional.ofNullable(publishedAfter),
                    Optional.ofNullable(publishedBefore), Optional.ofNullable(featured), order, query);
        }

        private Optional<String> text(ParameterNames names) {
            if (text == null) {
                return Optional.empty();
            }
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                throw InvalidInputException.field(names.text(), "must not be empty");
            }
            if (trimmed.length() > MAX_TEXT_LENGTH) {
                throw InvalidInputException.field(names.text(), "must be at most " + MAX_TEXT_LENGTH + " characters");
            }
            return Optional.of(trimmed);
        }

        /** Slugs in the order given, each once. */
        private static List<String> slugs(String name, List<String> values) {
            List<String> distinct = new ArrayList<>();
            for (String value : values == null ? List.<String>of() : values) {
                if (!Slugs.isValid(value)) {
                    throw InvalidInputException.field(name, "must be slugs (lower-case letters, digits and dashes)");
                }
                if (!distinct.contains(value)) {
                    distinct.add(value);
                }
            }
            if (distinct.size() > MAX_VALUES) {
                throw InvalidInputException.field(name, "takes at most " + MAX_VALUES + " values");
            }
            return List.copyOf(distinct);
        }
    }
}
