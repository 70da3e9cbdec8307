package io.kopij.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kopij.shared.error.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The article's state machine, without a database: draft → scheduled → published → archived, and back. */
class ArticleTransitionsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void publishingADraftRecordsTheFirstPublication() {
        Article article = publishedOnMonday();
        assertEquals(ArticleStatus.PUBLISHED, article.status());
        assertEquals(MONDAY, article.publishedAt);
    }

    @Test
    void republishingKeepsTheFirstPublicationTime() {
        Article article = publishedOnMonday();
        article.unpublish();
        assertEquals(ArticleStatus.DRAFT, article.status());
        article.publish(TUESDAY);
        assertEquals(MONDAY, article.publishedAt);
    }

    @Test
    void schedulingThenPublishingClearsTheSchedule() {
        Article article = new Article("a", "A");
        article.schedule(TUESDAY);
        assertEquals(ArticleStatus.SCHEDULED, article.status());
        assertEquals(TUESDAY, article.scheduledAt);
        article.schedule(MONDAY); // rescheduling is allowed
        assertEquals(MONDAY, article.scheduledAt);
        article.publish(MONDAY);
        assertNull(article.scheduledAt);
    }

    @Test
    void unpublishingAScheduledArticleCancelsTheSchedule() {
        Article article = new Article("a", "A");
        article.schedule(TUESDAY);
        article.unpublish();
        assertEquals(ArticleStatus.DRAFT, article.status());
        assertNull(article.scheduledAt);
    }

    @Test
    void onlyPublishedArticlesAreArchived() {
        ConflictException refused = assertThrows(ConflictException.class, new Article("a", "A")::archive);
        assertEquals("article.invalid-transition", refused.code());
        assertEquals("Cannot archive an article that is draft", refused.detail());
        Article article = publishedOnMonday();
        article.archive();
        assertEquals(ArticleStatus.ARCHIVED, article.status());
    }

    @Test
    void impossibleTransitionsNameTheCurrentStatus() {
        assertEquals("Cannot unpublish an article that is draft",
                assertThrows(ConflictException.class, new Article("a", "A")::unpublish).detail());
        Article article = publishedOnMonday();
        article.archive();
        assertEquals("Cannot publish an article that is archived",
                assertThrows(ConflictException.class, () -> article.publish(TUESDAY)).detail());
        assertEquals("Cannot schedule an article that is archived",
                assertThrows(ConflictException.class, () -> article.schedule(TUESDAY)).detail());
        article.unpublish(); // archived articles can go back to draft
        assertEquals(ArticleStatus.DRAFT, article.status());
        assertEquals(MONDAY, article.publishedAt);
    }

    private static Article publishedOnMonday() {
        Article article = new Article("a", "A");
        article.publish(MONDAY);
        return article;
    }
}
