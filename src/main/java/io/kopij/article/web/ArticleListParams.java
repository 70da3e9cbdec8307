package io.kopij.article.web;

import io.kopij.article.ArticleStatus;
import io.kopij.article.query.ArticleQuery;
import io.kopij.article.query.ArticleSort;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.text.LanguageTags;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of {@code GET /api/v1/articles}, taken as strings and translated here into an
 * {@link ArticleQuery} (which owns the rules), so that every malformed value is a 400 problem that names the
 * parameter, never a 404 or 500 from the framework's converters.
 */
public class ArticleListParams {

    @Parameter(description = "Tag slugs, comma-separated: articles with any of them",
            schema = @Schema(type = SchemaType.STRING, example = "ai,opensource"))
    @QueryParam("tag")
    List<String> tag;
    @Parameter(description = "Author slugs, comma-separated: articles by any of them",
            schema = @Schema(type = SchemaType.STRING, example = "sanne-de-vries"))
    @QueryParam("author")
    List<String> author;
    @Parameter(description = "BCP 47 language tag",
            schema = @Schema(type = SchemaType.STRING, pattern = LanguageTags.PATTERN, example = "nl"))
    @QueryParam("lang")
    List<String> lang;
    @Parameter(description = "Statuses, comma-separated (editorial roles only; default published)",
            schema = @Schema(type = SchemaType.STRING, example = "draft,published"))
    @QueryParam("status")
    List<String> status;
    @Parameter(description = "Inclusive lower bound of publishedAt: ISO-8601 date or date-time",
            schema = @Schema(type = SchemaType.STRING, example = "2026-11-01T00:00:00Z"))
    @QueryParam("publishedAfter")
    List<String> publishedAfter;
    @Parameter(description = "Exclusive upper bound of publishedAt: ISO-8601 date or date-time",
            schema = @Schema(type = SchemaType.STRING, example = "2026-12-01"))
    @QueryParam("publishedBefore")
    List<String> publishedBefore;
    @Parameter(description = "Only featured (true) or not featured (false) articles",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("featured")
    List<String> featured;
    @Parameter(description = "Order: -publishedAt (default), publishedAt, -updatedAt, title, relevance (default with q)",
            schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"-publishedAt", "publishedAt", "-updatedAt", "title", "relevance"}))
    @QueryParam("sort")
    List<String> sort;
    @Parameter(description = "Page size",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @QueryParam("limit")
    List<String> limit;
    @Parameter(description = "Opaque cursor from page.next of the previous page",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @QueryParam("cursor")
    List<String> cursor;
    @Parameter(description = "1-based page number (instead of cursor)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))
    @QueryParam("page")
    List<String> page;
    @Parameter(description = "Full-text search in the article language (web-search syntax); adds highlight to items",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200, example = "taalmodel"))
    @QueryParam("q")
    List<String> q;
    @Parameter(description = "Sparse fieldset: comma-separated top-level fields of each item",
            schema = @Schema(type = SchemaType.STRING, example = "id,slug,title,publishedAt"))
    @QueryParam("fields")
    List<String> fields;

    public ArticleQuery toQuery() {
        return new ArticleQuery.Criteria(
                values("tag", tag),
                values("author", author),
                single("lang", lang).orElse(null),
                values("status", status).stream()
                        .map(v -> ArticleStatus.fromWireName(v).orElseThrow(() -> InvalidInputException.field("status",
                                "must be draft, scheduled, published or archived (comma-separated for several)")))
                        .toList(),
                single("publishedAfter", publishedAfter).map(v -> instant("publishedAfter", v)).orElse(null),
                single("publishedBefore", publishedBefore).map(v -> instant("publishedBefore", v)).orElse(null),
                single("featured", featured).map(v -> switch (v) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw InvalidInputException.field("featured", "must be true or false");
                }).orElse(null),
                single("sort", sort).map(v -> ArticleSort.fromWireName(v).orElseThrow(() -> InvalidInputException
                        .field("sort", "must be one of -publishedAt, publishedAt, -updatedAt, title, relevance")))
                        .orElse(null),
                q == null || q.isEmpty() ? null : single("q", q).orElse(""))
                .toQuery(ArticleQuery.ParameterNames.REST);
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
