package io.kopij.shared.cache;

import io.kopij.shared.config.KopijConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The caching headers of public answers, the same for REST, GraphQL over GET, feeds and sitemaps:
 * {@code Cache-Control} (with a long {@code s-maxage} for shared caches only while a purger keeps them fresh) and
 * the cache-tag headers that are configured ({@code Surrogate-Key} and {@code xkey} space separated,
 * {@code Cache-Tag} comma separated), each fitted to the configured length.
 */
@ApplicationScoped
public class CachePolicy {

    private final String publicCacheControl;
    private final List<String> tagHeaders;
    private final int maxLength;

    CachePolicy(KopijConfig config, Instance<EdgePurging> purging) {
        KopijConfig.Cache cache = config.cache();
        boolean purged = purging.isResolvable() && purging.get().active();
        this.publicCacheControl = "public, max-age=" + cache.maxAge().toSeconds()
                + (purged ? ", s-maxage=" + cache.sharedMaxAge().toSeconds() : "")
                + ", stale-while-revalidate=" + cache.staleWhileRevalidate().toSeconds();
        this.tagHeaders = cache.tagHeaders().stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
        this.maxLength = Math.max(64, cache.tagsMaxLength());
    }

    /** Cache-Control of what anonymous readers get. */
    public String publicCacheControl() {
        return publicCacheControl;
    }

    /** Puts the configured cache-tag headers of a public answer; nothing when it names no entity. */
    public void putTagHeaders(CacheTags tags, BiConsumer<String, String> header) {
        if (tags.isEmpty() || tagHeaders.isEmpty()) {
            return;
        }
        List<String> keys = tags.fitted(maxLength);
        String spaced = String.join(" ", keys);
        for (String name : tagHeaders) {
            header.accept(name, name.toLowerCase(Locale.ROOT).equals("cache-tag") ? String.join(",", keys) : spaced);
        }
    }
}
