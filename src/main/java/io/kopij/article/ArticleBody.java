package io.kopij.article;

import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("ArticleBody")
@Schema(name = "ArticleBody", description = "The body as Markdown source, sanitized HTML and plain text")
public record ArticleBody(String markdown, String html, String text) {
}
