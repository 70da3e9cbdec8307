package io.kopij.article;

import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.text.Slugs;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of {@code GET /api/v1/articles}, taken as strings and parsed here so that every malformed
 * value is a 400 problem that names the parameter, never a 404 or 500 from the framework's converters.
 */
public class ArticleListParams {

    private static final int MAX_VALUES = 20;

    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Tag slugs, comma-separated: articles with any of them", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "ai,opensource"))
    @QueryParam("tag")
    List<String> tag;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Author slugs, comma-separated: articles by any of them", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "sanne-de-vries"))
    @QueryParam("author")
    List<String> author;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "BCP 47 language tag", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", example = "nl"))
    @QueryParam("lang")
    List<String> lang;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Statuses, comma-separated (editorial roles only; default published)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "draft,published"))
    @QueryParam("status")
    List<String> status;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Inclusive lower bound of publishedAt: ISO-8601 date or date-time", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-11-01T00:00:00Z"))
    @QueryParam("publishedAfter")
    List<String> publishedAfter;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Exclusive upper bound of publishedAt: ISO-8601 date or date-time", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-12-01"))
    @QueryParam("publishedBefore")
    List<String> publishedBefore;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Only featured (true) or not featured (false) articles", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN))
    @QueryParam("featured")
    List<String> featured;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Order: -publishedAt (default), publishedAt, -updatedAt, title, relevance (default with q)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"-publishedAt", "publishedAt", "-updatedAt", "title", "relevance"}))
    @QueryParam("sort")
    List<String> sort;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Page size", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @QueryParam("limit")
    List<String> limit;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Opaque cursor from page.next of the previous page", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 1024))
    @QueryParam("cursor")
    List<String> cursor;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "1-based page number (instead of cursor)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "10000"))
    @QueryParam("page")
    List<String> page;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Full-text search in the article language (web-search syntax); adds highlight to items", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 200, example = "taalmodel"))
    @QueryParam("q")
    List<String> q;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Sparse fieldset: comma-separated top-level fields of each item", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "id,slug,title,publishedAt"))
    @QueryParam("fields")
    List<String> fields;

    public ArticleQuery toQuery() {
        Optional<Instant> after = single("publishedAfter", publishedAfter).map(v -> instant("publishedAfter", v));
        Optional<Instant> before = single("publishedBefore", publishedBefore).map(v -> instant("publishedBefore", v));
        if (after.isPresent() && before.isPresent() && !after.get().isBefore(before.get())) {
            throw InvalidInputException.field("publishedBefore", "must be later than publishedAfter");
        }
        return new ArticleQuery(
                slugs("tag", tag),
                slugs("author", author),
                single("lang", lang).map(v -> {
                    if (!ArticleQuery.isLanguageTag(v)) {
                        throw InvalidInputException.field("lang", "must be a BCP 47 language tag such as nl or en");
                    }
                    return v;
                }),
                statuses(),
                after,
                before,
                single("featured", featured).map(v -> switch (v) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw InvalidInputException.field("featured", "must be true or false");
                }),
                single("sort", sort).map(v -> {
                    if (v.equals("relevance") && text().isEmpty()) {
                        throw InvalidInputException.field("sort", "relevance needs a full-text query (q)");
                    }
                    return ArticleSort.fromWireName(v).orElseThrow(() -> InvalidInputException.field("sort",
                            "must be one of -publishedAt, publishedAt, -updatedAt, title, relevance"));
                }).orElse(text().isPresent() ? ArticleSort.RELEVANCE : ArticleSort.PUBLISHED_NEWEST),
                text());
    }

    private Optional<String> text() {
        Optional<String> text = single("q", q).filter(v -> !v.isEmpty());
        if (q != null && !q.isEmpty() && text.isEmpty()) {
            throw InvalidInputException.field("q", "must not be empty");
        }
        if (text.isPresent() && text.get().length() > ArticleQuery.MAX_TEXT_LENGTH) {
            throw InvalidInputException.field("q", "must be at most " + ArticleQuery.MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    public String fields() {
        return single("fields", fields).orElse(null);
    }

    public String limit() {
        return single("limit", limit).orElse(null);
    }

    public String cursor() {
        return single("cursor", cursor).orElse(null);
    }

    public String page() {
        return single("page", page).orElse(null);
    }

    private Set<ArticleStatus> statuses() {
        List<String> values = values("status", status);
        if (values.isEmpty()) {
            return Set.of(ArticleStatus.PUBLISHED);
        }
        Set<ArticleStatus> statuses = EnumSet.noneOf(ArticleStatus.class);
        for (String value : values) {
            statuses.add(ArticleStatus.fromWireName(value).orElseThrow(() -> InvalidInputException.field("status",
                    "must be draft, scheduled, published or archived (comma-separated for several)")));
        }
        return statuses;
    }

    private static List<String> slugs(String name, List<String> raw) {
        List<String> values = values(name, raw);
        for (String value : values) {
            if (!Slugs.isValid(value)) {
                throw InvalidInputException.field(name, "must be slugs separated by commas");
            }
        }
        return values;
    }

    /** Comma-separated values, also accepted as repeated parameters. */
    private static List<String> values(String name, List<String> raw) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String item : raw) {
            for (String part : item.split(",", -1)) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    throw InvalidInputException.field(name, "must not contain empty values");
                }
                if (!values.contains(trimmed)) {
                    values.add(trimmed);
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            throw InvalidInputException.field(name, "takes at most " + MAX_VALUES + " values");
        }
        return values;
    }

    private static Optional<String> single(String name, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.size() > 1) {
            throw InvalidInputException.field(name, "must be given once");
        }
        return Optional.of(raw.get(0).trim());
    }

    /** ISO-8601 instant ("2026-11-27T09:00:00Z"), offset date-time or date (midnight UTC). */
    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw InvalidInputException.field(name, "must be an ISO-8601 date or date-time, e.g. 2026-11-27T09:00:00Z");
            }
        }
    }
}
