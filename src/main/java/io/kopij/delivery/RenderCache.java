package io.kopij.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rendered public answers, keyed by the normalised request and the content watermark they were rendered at. An
 * entry is only ever looked up under the current watermark, so once the watermark moves, the older entries are
 * unreachable; they are dropped at once to give their memory back. Bounded by {@code
 * kopij.delivery.render-cache.max-bytes} (Caffeine, size-weighted).
 */
@ApplicationScoped
public class RenderCache {

    record Key(String request, long watermark) {
    }

    private final boolean enabled;
    private final Cache<Key, Rendered> cache;
    private final ContentWatermark watermark;

    RenderCache(DeliveryConfig config, ContentWatermark watermark, MeterRegistry metrics) {
        this.enabled = config.renderCache().enabled();
        this.watermark = watermark;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, config.renderCache().maxBytes()))
                .weigher((Key key, Rendered value) -> value.weight() + key.request().length() * 2)
                .recordStats()
                .build();
        watermark.onAdvance(current -> cache.asMap().keySet().removeIf(key -> key.watermark() < current));
        FunctionCounter.builder("kopij.render.cache.hits", cache, c -> c.stats().hitCount())
                .description("Public answers served from the render cache").register(metrics);
        FunctionCounter.builder("kopij.render.cache.misses", cache, c -> c.stats().missCount())
                .description("Public answers looked up and not found in the render cache").register(metrics);
        Gauge.builder("kopij.render.cache.hit.ratio", cache, c -> c.stats().hitRate())
                .description("Share of render cache lookups that found an answer, since start").register(metrics);
        Gauge.builder("kopij.render.cache.entries", cache, Cache::estimatedSize)
                .description("Rendered answers held").register(metrics);
        Gauge.builder("kopij.render.cache.bytes", cache,
                c -> c.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L))
                .baseUnit("bytes").description("Approximate memory held by rendered answers").register(metrics);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The answer rendered for this request at this watermark, or null. */
    public Rendered get(PublicRequest request, long at) {
        return enabled ? cache.getIfPresent(new Key(request.key(), at)) : null;
    }

    /** As {@link #get}, without counting as a lookup (a 304 only borrows the headers). */
    public Rendered peek(PublicRequest request, long at) {
        return enabled ? cache.asMap().get(new Key(request.key(), at)) : null;
    }

    /** Keeps an answer rendered at watermark {@code at}, unless the watermark has moved on meanwhile. */
    public void put(PublicRequest request, long at, Rendered rendered) {
        if (enabled && at >= 0 && at == watermark.current()) {
            cache.put(new Key(request.key(), at), rendered);
        }
    }

    /** Lookups so far: hits and misses. */
    public long[] stats() {
        var stats = cache.stats();
        return new long[] {stats.hitCount(), stats.missCount()};
    }

    /** Entries and approximate bytes held now. */
    public long[] size() {
        cache.cleanUp();
        return new long[] {cache.estimatedSize(),
                cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L)};
    }
}
