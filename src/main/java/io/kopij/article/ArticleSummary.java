package io.kopij.article;

import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list: no body, relations as summaries. */
@Schema(name = "ArticleSummary")
public record ArticleSummary(
        @org.eclipse.microprofile.graphql.Id @org.eclipse.microprofile.graphql.NonNull UUID id,
        @org.eclipse.microprofile.graphql.NonNull String slug,
        @org.eclipse.microprofile.graphql.NonNull String title,
        String lead,
        @org.eclipse.microprofile.graphql.NonNull String language,
        @org.eclipse.microprofile.graphql.NonNull ArticleStatus status,
        Instant publishedAt,
        @org.eclipse.microprofile.graphql.NonNull Instant updatedAt,
        boolean featured,
        ArticleImage image,
        int readingTimeMinutes,
        @org.eclipse.microprofile.graphql.NonNull List<AuthorSummary> authors,
        @org.eclipse.microprofile.graphql.NonNull List<TagSummary> tags,
        @Schema(description = "With q: the matching passage, matches in <mark>, other text HTML-escaped")
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String highlight) {
}
