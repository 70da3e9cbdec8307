package io.kopij.article;

import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.text.Slugs;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** GraphQL's article filter: the same filters as the REST list parameters. */
@Input("ArticleFilter")
public record ArticleFilter(
        @Description("Tag slugs; any of them") List<String> tags,
        @Description("Author slugs; any of them") List<String> authors,
        @Description("BCP 47 language, e.g. nl") String language,
        @Description("Editorial roles only; default PUBLISHED") List<ArticleStatus> status,
        @Description("Inclusive") Instant publishedAfter,
        @Description("Exclusive") Instant publishedBefore,
        Boolean featured,
        @Description("Full-text search (web-search syntax) in the article's language; sorts by relevance unless a sort is given")
        String query) {


    public static ArticleQuery toQuery(ArticleFilter filter, ArticleSort sort) {
        ArticleFilter f = filter == null ? new ArticleFilter(null, null, null, null, null, null, null, null) : filter;
        Set<ArticleStatus> statuses = f.status == null || f.status.isEmpty()
                ? Set.of(ArticleStatus.PUBLISHED) : EnumSet.copyOf(f.status);
        if (f.publishedAfter != null && f.publishedBefore != null && !f.publishedAfter.isBefore(f.publishedBefore)) {
            throw InvalidInputException.field("filter.publishedBefore", "must be later than publishedAfter");
        }
        if (f.language != null && !ArticleQuery.isLanguageTag(f.language)) {
            throw InvalidInputException.field("filter.language", "must be a BCP 47 language tag such as nl or en");
        }
        Optional<String> text = Optional.ofNullable(f.query).map(String::trim).filter(q -> !q.isEmpty());
        if (text.isPresent() && text.get().length() > ArticleQuery.MAX_TEXT_LENGTH) {
            throw InvalidInputException.field("filter.query", "must be at most " + ArticleQuery.MAX_TEXT_LENGTH + " characters");
        }
        ArticleSort order = sort != null ? sort : text.isPresent() ? ArticleSort.RELEVANCE : ArticleSort.PUBLISHED_NEWEST;
        return new ArticleQuery(slugs("filter.tags", f.tags), slugs("filter.authors", f.authors),
                Optional.ofNullable(f.language), statuses, Optional.ofNullable(f.publishedAfter),
                Optional.ofNullable(f.publishedBefore), Optional.ofNullable(f.featured), order, text);
    }

    private static List<String> slugs(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 20) {
            throw InvalidInputException.field(field, "takes at most 20 values");
        }
        for (String value : values) {
            if (!Slugs.isValid(value)) {
                throw InvalidInputException.field(field, "must be slugs");
            }
        }
        return values.stream().distinct().toList();
    }
}
