package io.kopij.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Cache purging (kopij.purge.*): which CDN or reverse proxy to tell when content changes. Nothing is configured by
 * default, and then nothing is purged and public answers keep their short lifetime everywhere. Every key is in
 * README's table.
 */
@ConfigMapping(prefix = "kopij.purge")
public interface PurgeConfig {

    /** Waits before each retry after a failed purge; after the last one the purge job is marked failed. */
    @WithDefault("1s,5s,30s,2m,10m,1h")
    List<Duration> retrySchedule();

    /** Longest a purge request may take, connecting included; longer is a failure. */
    @WithDefault("10s")
    Duration timeout();

    /** Send purges from this instance (every instance may; the database hands out each job once). */
    @WithDefault("true")
    boolean enabled();

    Varnish varnish();

    Http http();

    Fastly fastly();

    Cloudflare cloudflare();

    /** Varnish (with the xkey vmod, see docker/varnish): {@code PURGE /} with header {@code xkey: <keys>}. */
    interface Varnish {

        /** Base URLs of every Varnish to purge, comma separated (env KOPIJ_PURGE_VARNISH_URLS); empty: none. */
        Optional<List<String>> urls();

        /** Keys per request (they travel in one header). */
        @WithDefault("100")
        int maxKeys();
    }

    /** A generic purger: {@code POST <url>} with {@code {"keys": [...]}}. */
    interface Http {

        /** Endpoints to notify, comma separated; empty: none. */
        Optional<List<String>> urls();

        /** Sent as {@code Authorization} when set (e.g. {@code Bearer ...}). */
        Optional<String> authorization();

        @WithDefault("1000")
        int maxKeys();
    }

    /** Fastly: {@code POST /service/<id>/purge} with {@code {"surrogate_keys": [...]}} and the API token. */
    interface Fastly {

        /** The Fastly service id; with the token, enables the Fastly purger. */
        Optional<String> serviceId();

        /** An API token with purge rights (env KOPIJ_PURGE_FASTLY_API_TOKEN). */
        Optional<String> apiToken();

        /** Mark content stale instead of removing it ({@code Fastly-Soft-Purge: 1}), so stale-while-revalidate works. */
        @WithDefault("false")
        boolean softPurge();

        /** The API's base URL (tests point it elsewhere). */
        @WithDefault("https://api.fastly.com")
        String apiUrl();

        /** Fastly takes at most 256 keys per request. */
        @WithDefault("256")
        int maxKeys();
    }

    /** Cloudflare: {@code POST /zones/<zone>/purge_cache} with {@code {"tags": [...]}} and a bearer API token. */
    interface Cloudflare {

        /** The zone id; with the token, enables the Cloudflare purger. */
        Optional<String> zoneId();

        /** An API token with Cache Purge permission (env KOPIJ_PURGE_CLOUDFLARE_API_TOKEN). */
        Optional<String> apiToken();

        @WithDefault("https://api.cloudflare.com/client/v4")
        String apiUrl();

        /** Tags per purge request Cloudflare accepts. */
        @WithDefault("30")
        int maxKeys();
    }
}
