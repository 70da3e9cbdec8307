package io.kopij.article.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code kopij.search.rank-candidates} must be 0 or more: a negative limit would fail every relevance search. */
class SearchConfigTest {

    private final SearchConfig.NonNegative converter = new SearchConfig.NonNegative();

    @Test
    void zeroAndPositiveCountsAreTaken() {
        assertEquals(0, converter.convert("0"));
        assertEquals(200, converter.convert(" 200 "));
    }

    @Test
    void aNegativeCountIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> converter.convert("-1"));
        assertEquals("must be 0 or more, not -1", refused.getMessage());
        assertThrows(NumberFormatException.class, () -> converter.convert("many"));
    }
}
