package io.kopij.article;

import io.smallrye.graphql.api.Nullable;
import io.kopij.shared.text.LanguageTags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Create or replace an article (PATCH takes any subset as a JSON merge patch). Never carries id, version, status
 * or timestamps: the service owns those.
 */
@Schema(name = "ArticleInput")
@Input("ArticleInput")
public record ArticleInput(
        @Schema(example = "Waarom maakt Meta zijn taalmodel Llama opensource?", required = true)
        @NotBlank @Size(max = 200) String title,
        @Schema(example = "Meta heeft een nieuwe versie van zijn taalmodel uitgebracht.") @Size(max = 1000) String lead,
        @Schema(description = "Markdown source", example = "Meta heeft **Llama 4** uitgebracht.\n\n## Wat is er nieuw?\n\nHet model ...")
        @Size(max = 100_000) String body,
        @Schema(description = "BCP 47 language tag; default nl", example = "nl") @Size(max = 35)
        @Pattern(regexp = LanguageTags.PATTERN, message = "must be a BCP 47 language tag such as nl or en-GB")
        String language,
        @Schema(description = "Generated from the title when absent", example = "waarom-maakt-meta-zijn-taalmodel-llama-opensource")
        @Size(max = 96)
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case letters and digits separated by single dashes")
        String slug,
        Boolean featured,
        @Valid ArticleImageInput image,
        @Valid ArticleSeo seo,
        @Schema(description = "Ordered author ids or slugs; default: the caller's own author profile")
        @Nullable @Size(max = 10) List<@NotBlank @Size(max = 96) String> authors,
        @Schema(description = "Ordered tag slugs or names; the first is the primary tag. Editors' unknown tags are created.")
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> tags,
        @Schema(description = "Ordered ids of \"lees ook\" articles")
        @Nullable @Size(max = 20) List<@NotNull UUID> related) {
}
