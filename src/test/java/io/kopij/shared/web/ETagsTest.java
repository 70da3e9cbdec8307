package io.kopij.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.shared.error.PreconditionException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** If-Match against the version of a resource: the tags writes and reads hand out, and everything else. */
class ETagsTest {

    private static final String CODE = "article.version-conflict";

    @Test
    void theTagOfAWriteAndTheTagOfAReadBothMatchTheirVersion() {
        assertEquals(OptionalLong.of(3), ETags.requiredVersion(ETags.of(3), CODE, 3));
        assertEquals(OptionalLong.of(3), ETags.requiredVersion("\"3-q1w2e3r4t5\"", CODE, 3));
    }

    @Test
    void anyOfSeveralTagsMayMatchAndAStarMatchesEverything() {
        assertEquals(OptionalLong.of(7), ETags.requiredVersion("\"5\", \"7-abc\"", CODE, 7));
        assertEquals(OptionalLong.empty(), ETags.requiredVersion("*", CODE, 7));
    }

    @Test
    void aMissingHeaderIsRequiredForReplacementsAndOptionalOtherwise() {
        PreconditionException missing = assertThrows(PreconditionException.class,
                () -> ETags.requiredVersion(null, CODE, 1));
        assertEquals(428, missing.status());
        assertEquals("request.precondition-required", missing.code());
        assertEquals(OptionalLong.empty(), ETags.optionalVersion(" ", CODE, 1));
    }

    @Test
    void staleWeakAndForeignTagsAre412() {
        for (String header : new String[] {"\"2\"", "W/\"3\"", "\"abc\"", "3", "\"\""}) {
            PreconditionException stale = assertThrows(PreconditionException.class,
                    () -> ETags.requiredVersion(header, CODE, 3), header);
            assertEquals(412, stale.status(), header);
            assertEquals(CODE, stale.code(), header);
        }
    }

    @Test
    void ifNoneMatchComparesWeaklyAndTakesListsAndTheWildcard() {
        String tag = "\"7-abc\"";
        assertTrue(ETags.noneMatchNames("\"7-abc\"", tag));
        assertTrue(ETags.noneMatchNames("W/\"7-abc\"", tag));
        assertTrue(ETags.noneMatchNames("\"1-x\", \"7-abc\"", tag));
        assertTrue(ETags.noneMatchNames("*", tag));
        assertFalse(ETags.noneMatchNames(null, tag));
        assertFalse(ETags.noneMatchNames("\"7-abd\"", tag));
        assertEquals(22, ETags.hash(new byte[] {1, 2, 3}).length(), "128 bits, base64url without padding");
    }
}
