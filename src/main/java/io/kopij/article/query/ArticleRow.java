package io.kopij.article.query;

import io.kopij.article.ArticleImage;
import io.kopij.article.ArticleImageInput;
import io.kopij.article.ArticleSeo;
import io.kopij.article.ArticleStatus;
import io.kopij.article.ArticleSummary;
import io.kopij.article.ArticleView;
import io.kopij.author.AuthorSummary;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.persistence.SqlValues;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An article's columns as a list shows them, read straight from SQL: no entity is loaded, and neither the body
 * (most of a row's bytes) nor the search vector leaves the database.
 */
record ArticleRow(UUID id, String slug, String title, String lead, String language, ArticleStatus status,
        Instant publishedAt, Instant scheduledAt, Instant createdAt, Instant updatedAt, long version, int wordCount,
        int readingTimeMinutes, boolean featured, ArticleImageInput image, ArticleSeo seo) {

    /** The select list, over the article table aliased {@code a}; {@link #read} reads it back in this order. */
    static final String COLUMNS = "a.id, a.slug, a.title, a.lead, a.language, a.status, a.published_at, "
            + "a.scheduled_at, a.created_at, a.updated_at, a.version, a.word_count, a.reading_time_minutes, "
            + "a.featured, a.image_url, a.image_alt, a.image_caption, a.seo_title, a.seo_description, "
            + "a.seo_canonical_url, a.image_asset_id";
    static final int WIDTH = 21;

    static ArticleRow read(Object[] row, int from) {
        int i = from;
        return new ArticleRow((UUID) row[i], (String) row[i + 1], (String) row[i + 2], (String) row[i + 3],
                (String) row[i + 4],
                ArticleStatus.fromWireName((String) row[i + 5]).orElseThrow(
                        () -> new IllegalStateException("Unknown article status in database: " + row[from + 5])),
                SqlValues.instant(row[i + 6]), SqlValues.instant(row[i + 7]), SqlValues.instant(row[i + 8]),
                SqlValues.instant(row[i + 9]),
                ((Number) row[i + 10]).longValue(), ((Number) row[i + 11]).intValue(),
                ((Number) row[i + 12]).intValue(), (Boolean) row[i + 13],
                ArticleImageInput.stored((UUID) row[i + 20], (String) row[i + 14], (String) row[i + 15],
                        (String) row[i + 16]),
                ArticleSeo.of((String) row[i + 17], (String) row[i + 18], (String) row[i + 19]));
    }

    /** As a list item; {@code shownImage} is {@link #image} as answered (ArticleImages). */
    ArticleSummary toSummary(ArticleImage shownImage, List<AuthorSummary> authors, List<TagSummary> tags,
            String highlight) {
        return new ArticleSummary(id, slug, title, lead, language, status, publishedAt, updatedAt, featured, shownImage,
                readingTimeMinutes, authors, tags, highlight);
    }

    /** The full article without its body and related links (GraphQL loads those in batches when asked). */
    ArticleView toView(ArticleImage shownImage, List<AuthorSummary> authors, List<TagSummary> tags) {
        return new ArticleView(id, slug, title, lead, null, language, status, publishedAt, scheduledAt, createdAt,
                updatedAt, version, wordCount, readingTimeMinutes, featured, shownImage, seo, authors, tags,
                tags.isEmpty() ? null : tags.get(0), List.of());
    }

    /** The keyset position after this row in {@code sort}; {@code rank} only for relevance. */
    Cursor cursor(ArticleSort sort, float rank) {
        String value = switch (sort) {
            case PUBLISHED_NEWEST, PUBLISHED_OLDEST -> publishedAt == null ? null : publishedAt.toString();
            case UPDATED_NEWEST -> updatedAt.toString();
            case TITLE -> title;
            case RELEVANCE -> Float.toString(rank);
        };
        return new Cursor(sort.wireName(), value, id);
    }
}
