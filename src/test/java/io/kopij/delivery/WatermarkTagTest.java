package io.kopij.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** If-None-Match against watermark tags, as browsers and CDNs send it. */
class WatermarkTagTest {

    private static final String TAG = "w42.abc.rel";

    @Test
    void aTagMatchesWithOrWithoutAVersionWeakOrStrongAndInAList() {
        assertEquals("\"w42.abc.rel\"", PublicAnswers.matching("\"w42.abc.rel\"", TAG));
        assertEquals("\"7-w42.abc.rel\"", PublicAnswers.matching("\"7-w42.abc.rel\"", TAG));
        assertEquals("\"7-w42.abc.rel\"", PublicAnswers.matching("W/\"7-w42.abc.rel\"", TAG));
        assertEquals("\"w42.abc.rel\"", PublicAnswers.matching("\"other\", \"w42.abc.rel\"", TAG));
    }

    @Test
    void otherWatermarksRequestsAndMalformedTagsDoNot() {
        assertNull(PublicAnswers.matching("\"w41.abc.rel\"", TAG));
        assertNull(PublicAnswers.matching("\"w142.abc.rel\"", TAG)); // a longer watermark is another one
        assertNull(PublicAnswers.matching("\"xw42.abc.rel\"", TAG));
        assertNull(PublicAnswers.matching("w42.abc.rel", TAG)); // not quoted
        assertNull(PublicAnswers.matching("*", TAG)); // "*" is for the resources themselves (HttpCaching)
    }

    @Test
    void theRequestHashIsStableAndTellsRequestsApart() {
        assertEquals(new PublicRequest("/api/v1/articles?limit=20").hash(), new PublicRequest("/api/v1/articles?limit=20").hash());
        assertNotEquals(new PublicRequest("/api/v1/articles?limit=20").hash(), new PublicRequest("/api/v1/articles?limit=21").hash());
    }
}
