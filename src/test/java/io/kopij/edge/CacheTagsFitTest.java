package io.kopij.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.shared.cache.CacheTags;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Too many keys for one header fall back to the coarser key of the largest family, which purges them all. */
class CacheTagsFitTest {

    @Test
    void keysThatFitAreKeptAsTheyAre() {
        CacheTags tags = CacheTags.of("articles", "article:1", "author:2");
        assertEquals(List.of("articles", "article:1", "author:2"), tags.fitted(100));
    }

    @Test
    void theLargestFamilyFallsBackToItsCoarseKeyFirst() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add("article:" + UUID.randomUUID());
        }
        keys.add("author:" + UUID.randomUUID());
        keys.add("tag:" + UUID.randomUUID());
        List<String> fitted = CacheTags.of(keys).fitted(1000);
        assertTrue(String.join(" ", fitted).length() <= 1000);
        assertEquals("articles", fitted.get(0));
        assertEquals(3, fitted.size(), "the author and the tag keep their own keys: " + fitted);
        assertTrue(fitted.contains(keys.get(200)) && fitted.contains(keys.get(201)));
    }

    @Test
    void everyFamilyFallsBackWhenStillTooLong() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("article:" + UUID.randomUUID());
            keys.add("tag:" + UUID.randomUUID());
        }
        assertEquals(List.of("articles", "tags"), CacheTags.of(keys).fitted(20));
    }
}
