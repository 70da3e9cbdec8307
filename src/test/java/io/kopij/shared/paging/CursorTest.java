package io.kopij.shared.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kopij.shared.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors are opaque to clients: what we issue decodes, anything else is a 400 naming the cursor. */
class CursorTest {

    private static final UUID ID = UUID.fromString("0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11");

    @Test
    void anIssuedCursorDecodesToWhatItCarries() {
        Cursor cursor = new Cursor("-publishedAt", "2026-11-27T09:00:00Z", ID);
        assertEquals(cursor, Cursor.decode(cursor.encode(), "-publishedAt"));
        Cursor nullValue = new Cursor("publishedAt", null, ID);
        assertEquals(nullValue, Cursor.decode(nullValue.encode(), "publishedAt"));
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String issued = new Cursor("title", "Abc", ID).encode();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Cursor.decode(issued, "-publishedAt"));
        assertEquals("request.invalid-cursor", refused.code());
        assertEquals("cursor", refused.errors().get(0).field());
    }

    @Test
    void forgedCursorsAreRefused() {
        for (String forged : new String[] {"", " ", "%%%", "bm90IGEgY3Vyc29y", b64("v1\u001ftitle\u001fA"),
                b64("v2\u001ftitle\u001fA\u001f" + ID), b64("v1\u001ftitle\u001fA\u001fnot-a-uuid"),
                "A".repeat(2000)}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> Cursor.decode(forged, "title"), forged);
            assertEquals("request.invalid-cursor", refused.code(), forged);
        }
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
