package io.kopij.article;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Seo")
@Type("Seo")
@Input("SeoInput")
public record ArticleSeo(
        @Schema(nullable = true, example = "Meta brengt Llama 4 uit als open model") @Size(max = 200) String title,
        @Schema(nullable = true, example = "Wat het nieuwe open taalmodel van Meta kan en wat niet.") @Size(max = 500) String description,
        @Schema(nullable = true, example = "https://www.example.nl/nieuws/llama-4") @Size(max = 2048)
        @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String canonicalUrl) {

    /** SEO fields as stored in an article's columns; none when all are empty. */
    public static ArticleSeo of(String title, String description, String canonicalUrl) {
        return title == null && description == null && canonicalUrl == null ? null
                : new ArticleSeo(title, description, canonicalUrl);
    }
}
