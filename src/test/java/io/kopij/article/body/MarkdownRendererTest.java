package io.kopij.article.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void keepsArticleStructure() {
        RenderedBody body = renderer.render("""
                Eerste *alinea* met een [link](https://example.nl).

                ## Tussenkop

                > Een citaat

                - een
                - twee

                1. drie

                `code` en ~~niets~~

                ![Foto](https://cdn.example.nl/foto.jpg "Titel")
                """);
        String html = body.html();
        assertTrue(html.contains("<em>alinea</em>"), html);
        assertTrue(html.contains("<a href=\"https://example.nl\" rel=\"nofollow\">link</a>"), html);
        assertTrue(html.contains("<h2>Tussenkop</h2>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<ul>") && html.contains("<ol>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("<img src=\"https://cdn.example.nl/foto.jpg\""), html);
        assertFalse(body.text().contains("<"), body.text());
        assertTrue(body.text().contains("Tussenkop"));
    }

    @Test
    void removesScriptsHandlersAndUnsafeUrls() {
        String html = renderer.render("""
                <script>alert(1)</script>

                Tekst <span onclick="x()">hier</span> <iframe src="https://evil"></iframe>

                [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](vbscript:x) [d](data:text/html,x)

                ![e](data:image/png;base64,AAAA) ![f](javascript:alert(1))

                [g](mailto:redactie@example.nl) [h](/relatief)
                """).html();
        for (String bad : new String[] {"<script", "onclick", "<iframe", "javascript", "vbscript", "data:", "<img"}) {
            assertFalse(html.toLowerCase().contains(bad), bad + " in " + html);
        }
        assertTrue(html.contains("href=\"mailto:redactie"), html);
        assertTrue(html.contains("href=\"/relatief\""), html);
    }

    @Test
    void countsWordsAndReadingTime() {
        assertEquals(0, renderer.render("").wordCount());
        assertEquals(0, renderer.render("").readingTimeMinutes());
        assertEquals(4, renderer.render("Eén twee, drie — **vier**!").wordCount());
        assertEquals(1, renderer.render("woord").readingTimeMinutes());
        assertEquals(3, renderer.render("woord ".repeat(401)).readingTimeMinutes());
    }
}
