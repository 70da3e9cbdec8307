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
        Article article = new Article("a", "A");
        article.publish(MONDAY);
        assertEquals(ArticleStatus.PUBLISHED, article.status());
        assertEquals(MONDAY, article.publishedAt);
    }

    @Test
    void republishingKeepsTheFirstPublicationTime() {
        Article article = new Article("a", "A");
        article.publish(MONDAY);
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
        Article draft = new Article("a", "A");
        ConflictException refused = assertThrows(ConflictException.class, draft::archive);
        assertEquals("article.invalid-transition", refused.code());
        assertEquals("Cannot archive an article that is draft", refused.detail());
        draft.publish(MONDAY);
        draft.archive();
        assertEquals(ArticleStatus.ARCHIVED, draft.status());
    }

    @Test
    void impossibleTransitionsNameTheCurrentStatus() {
        Article article = new Article("a", "A");
        assertEquals("Cannot unpublish an article that is draft",
                assertThrows(ConflictException.class, article::unpublish).detail());
        article.publish(MONDAY);
        article.archive();
        assertEquals("Cannot publish an article that is archived",
                assertThrows(ConflictException.class, () -> article.publish(TUESDAY)).detail());
        assertEquals("Cannot schedule an article that is archived",
                assertThrows(ConflictException.class, () -> article.schedule(TUESDAY)).detail());
        article.unpublish(); // archived articles can go back to draft
        assertEquals(ArticleStatus.DRAFT, article.status());
        assertEquals(MONDAY, article.publishedAt);
    }
}
