package io.kopij.article.body;

/** An article body in its three served forms plus the figures derived from it. */
public record RenderedBody(String markdown, String html, String text, int wordCount, int readingTimeMinutes) {
}
