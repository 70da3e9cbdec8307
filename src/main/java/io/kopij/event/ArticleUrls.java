package io.kopij.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Public article URLs from {@code kopij.site.article-url-template}; an article's own canonical URL wins. Also
 * written as SQL for the statement that emits events for many articles at once, so both say the same.
 */
@ApplicationScoped
public class ArticleUrls {

    private final Optional<String> template;

    ArticleUrls(SiteConfig site) {
        this.template = site.articleUrlTemplate().map(String::trim).filter(t -> !t.isEmpty());
    }

    /** Empty without a template, or when the template needs a primary tag the article does not have. */
    public Optional<String> of(UUID id, String slug, String language, String primaryTag, String canonicalUrl) {
        if (canonicalUrl != null && !canonicalUrl.isBlank()) {
            return Optional.of(canonicalUrl);
        }
        if (template.isEmpty() || (primaryTag == null && template.get().contains("{primaryTag}"))) {
            return Optional.empty();
        }
        return Optional.of(template.get().replace("{slug}", slug).replace("{primaryTag}", primaryTag == null ? "" : primaryTag)
                .replace("{id}", id.toString()).replace("{language}", language));
    }

    /** The template, for {@link #sql}: bind it as a parameter (null when unset). */
    public String template() {
        return template.orElse(null);
    }

    /**
     * The same rule as an SQL expression over an article row {@code a} and its primary tag's slug expression
     * {@code primaryTag}; {@code templateParam} is the placeholder that {@link #template()} is bound to.
     */
    public static String sql(String templateParam, String primaryTag) {
        return "coalesce(nullif(a.seo_canonical_url, ''), case when " + templateParam + " is null or ("
                + primaryTag + " is null and strpos(" + templateParam + ", '{primaryTag}') > 0) then null else "
                + "replace(replace(replace(replace(" + templateParam + ", '{slug}', a.slug), '{primaryTag}', coalesce("
                + primaryTag + ", '')), '{id}', a.id::text), '{language}', a.language) end)";
    }
}
