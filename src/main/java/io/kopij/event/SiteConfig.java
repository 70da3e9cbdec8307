package io.kopij.event;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The public web site that shows Kopij's content. */
@ConfigMapping(prefix = "kopij.site")
public interface SiteConfig {

    /**
     * Public URL of an article, with the placeholders {@code {slug}}, {@code {primaryTag}} (the first tag's slug),
     * {@code {id}} and {@code {language}}, e.g. {@code https://www.example.nl/{primaryTag}/{slug}}. Unset: events
     * carry no URL. An article's {@code seo.canonicalUrl} wins over the template.
     */
    Optional<String> articleUrlTemplate();
}
