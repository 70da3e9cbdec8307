package io.kopij.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Change propagation: the outbox, webhooks, delta sync and live streams. Every key is in README's table. */
@ConfigMapping(prefix = "kopij.events")
public interface EventsConfig {

    /**
     * How long events are kept. Bounds how old a sync token or an SSE Last-Event-ID may be; pending webhook
     * deliveries are never dropped by it (they carry their own body).
     */
    @WithDefault("30d")
    Duration retention();

    /** How often old events and finished deliveries are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();

    /**
     * How often every instance looks at the outbox by itself, in case a notification was missed (LISTEN/NOTIFY
     * wakes it at once otherwise). Also the granularity of webhook retries.
     */
    @WithDefault("1s")
    Duration pollInterval();

    Webhooks webhooks();

    Live live();

    interface Webhooks {

        /** Deliver webhooks from this instance (every instance may; the database hands out each delivery once). */
        @WithDefault("true")
        boolean enabled();

        /** Waits before each retry after a failed attempt; after the last one the delivery has failed. */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule();

        /** Each retry wait is varied by up to this fraction either way, so endpoints are not hit in lockstep. */
        @WithDefault("0.2")
        double jitter();

        /** Longest an attempt may take, connecting included; longer is a failure. */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts in flight at once to one endpoint from one instance: a slow endpoint cannot take them all. */
        @WithDefault("4")
        int maxInFlightPerEndpoint();

        /** Attempts in flight at once from one instance. */
        @WithDefault("64")
        int maxInFlight();

        /** Allow endpoints on loopback addresses (development and tests only). Link-local is never allowed. */
        @WithDefault("false")
        boolean allowLoopback();

        /** Allow endpoints on private networks (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10). */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** How long the old secret stays valid (both signatures are sent) after a rotation. */
        @WithDefault("24h")
        Duration secretRotationOverlap();
    }

    interface Live {

        /** How often an idle SSE stream sends a keep-alive comment (proxies close silent connections). */
        @WithDefault("15s")
        Duration keepAlive();

        /** Recent public events each instance keeps in memory for streams that fall a little behind. */
        @WithDefault("1000")
        int buffer();
    }
}
