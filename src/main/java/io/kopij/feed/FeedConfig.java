package io.kopij.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Feeds and sitemaps (kopij.feeds.*); article URLs come from kopij.site.article-url-template. */
@ConfigMapping(prefix = "kopij.feeds")
public interface FeedConfig {

    /** The feeds' title, and the publication name of the news sitemap. */
    @WithDefault("Kopij")
    String title();

    /** What the feeds describe themselves as. */
    @WithDefault("Het laatste nieuws")
    String description();

    /** The public web site's home page (feeds link to it); unset: the API's own base URL. */
    Optional<String> siteUrl();

    /** Articles per feed. */
    @WithDefault("50")
    int items();

    /** Most entries of the news sitemap (Google News reads at most 1,000). */
    @WithDefault("1000")
    int newsMaxEntries();
}
