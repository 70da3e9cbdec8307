package io.kopij.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Named parameters to JDBC placeholders: what the list and search statements rely on. */
class NativeRowsExpandTest {

    @Test
    void namesBecomePlaceholdersInOrderAndRepeatsBindAgain() {
        NativeRows.Expanded e = NativeRows.expand("select * from a where x = :x and y > :y or x = :x",
                Map.of("x", 1, "y", "b"));
        assertEquals("select * from a where x = ? and y > ? or x = ?", e.sql());
        assertEquals(List.of(1, "b", 1), e.values());
    }

    @Test
    void collectionsExpandToOnePlaceholderEachAndEmptyOnesMatchNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        NativeRows.Expanded e = NativeRows.expand("where id in (:ids) and s in (:none)", Map.of("ids", List.of(a, b),
                "none", List.of()));
        assertEquals("where id in (?, ?) and s in (null)", e.sql());
        assertEquals(List.of(a, b), e.values());
    }

    @Test
    void castsAndQuotedTextAreLeftAlone() {
        NativeRows.Expanded e = NativeRows.expand(
                "select 'a:b', 'it''s :not', x::regconfig, :q::text from t where c = 'x' and d = :d",
                Map.of("q", "klimaat", "d", 2));
        assertEquals("select 'a:b', 'it''s :not', x::regconfig, ?::text from t where c = 'x' and d = ?", e.sql());
        assertEquals(List.of("klimaat", 2), e.values());
    }

    @Test
    void aMissingValueIsAProgrammingErrorNotANull() {
        assertThrows(IllegalArgumentException.class, () -> NativeRows.expand("where x = :x", Map.of()));
    }
}
