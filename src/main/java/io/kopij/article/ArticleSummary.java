package io.kopij.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list: no body, relations as summaries. */
@Schema(name = "ArticleSummary")
public record ArticleSummary(
        @Id @NonNull UUID id,
        @NonNull String slug,
        @NonNull String title,
        String lead,
        @NonNull String language,
        @NonNull ArticleStatus status,
        Instant publishedAt,
        @NonNull Instant updatedAt,
        boolean featured,
        ArticleImage image,
        int readingTimeMinutes,
        @NonNull List<AuthorSummary> authors,
        @NonNull List<TagSummary> tags,
        @Schema(description = "With q: the matching passage, matches in <mark>, other text HTML-escaped")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String highlight) {
}
