package io.kopij.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void foldsDiacriticsAndPunctuation() {
        assertEquals("een-cafe", Slugs.fromText("Één café"));
        assertEquals("waarom-maakt-meta-llama-opensource", Slugs.fromText("Waarom maakt Meta Llama opensource?"));
        assertEquals("strasse-in-koln", Slugs.fromText("  Straße in Köln!! "));
        assertEquals("ijsland-s-zee", Slugs.fromText("IJsland's zee"));
        assertEquals("ceske-zpravy-cast-2", Slugs.fromText("České zprávy — část 2"));
        assertEquals("untitled", Slugs.fromText("?!"));
        assertEquals("untitled", Slugs.fromText("日本語"));
    }

    @Test
    void limitsLengthOnAWordBoundary() {
        String slug = Slugs.fromText("woord ".repeat(40));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertTrue(Slugs.isValid(slug));
        assertTrue(slug.endsWith("woord"));
    }

    @Test
    void collisionsGetNumberedSuffixes() {
        assertEquals("nieuws", Slugs.unique("nieuws", Set.of()::contains));
        assertEquals("nieuws-2", Slugs.unique("nieuws", Set.of("nieuws")::contains));
        assertEquals("nieuws-3", Slugs.unique("nieuws", Set.of("nieuws", "nieuws-2")::contains));
        String longest = "a".repeat(Slugs.MAX_LENGTH);
        String suffixed = Slugs.unique(longest, Set.of(longest)::contains);
        assertEquals(Slugs.MAX_LENGTH, suffixed.length());
        assertTrue(suffixed.endsWith("-2"));
    }
}
