package io.kopij.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Delivery of public answers: the content watermark and the render cache ({@code kopij.delivery.*}). */
@ConfigMapping(prefix = "kopij.delivery")
public interface DeliveryConfig {

    /**
     * Longest time between two reads of the content watermark from PostgreSQL. Notifications bring a new watermark
     * within milliseconds; this bounds how late an instance learns it when a notification is lost.
     */
    @WithDefault("1s")
    Duration watermarkRefresh();

    /**
     * Request headers that make an answer depend on who asks: a request with any of them never gets an answer
     * from the watermark (304 or cached body). Kopij's own credentials are bearer tokens and preview tokens.
     */
    @WithDefault("Authorization,Preview-Token")
    List<String> personalHeaders();

    RenderCache renderCache();

    interface RenderCache {

        /**
         * Keep rendered public answers in memory, keyed by the normalised request and the content watermark. Off:
         * every request renders (304s before any query still work: they need only the watermark).
         */
        @WithDefault("true")
        boolean enabled();

        /** Upper bound of the cache in bytes (bodies, keys and headers): 32 MiB, about 1,300 list pages of 20. */
        @WithDefault("33554432")
        long maxBytes();
    }
}
