package io.kopij.media.rendition;

import io.kopij.media.AssetChanged;
import io.kopij.media.AssetException;
import io.kopij.media.AssetService;
import io.kopij.media.MediaConfig;
import io.kopij.media.RenderSource;
import io.kopij.media.image.ImageFormat;
import io.kopij.media.image.ImageRenderer;
import io.kopij.media.image.MetadataStripper;
import io.kopij.media.rendition.RenditionSpec.Variant;
import io.kopij.media.storage.MediaStorage;
import io.kopij.shared.error.KopijException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves renditions from the store and makes missing ones exactly once per instance: concurrent first requests
 * for one rendition wait for the same render, and a render first checks the store again, so a rendition another
 * instance already made is not made twice. Renders run on a bounded pool with a bounded queue; a burst beyond it
 * gets 503s instead of exhausting memory.
 */
@ApplicationScoped
public class RenditionService {

    /** Quality of a cleaned original that had to be re-encoded to apply its orientation. */
    static final int ORIENTED_ORIGINAL_QUALITY = 92;
    private static final int MAX_CACHED_SOURCES = 10_000;
    private static final long RENDER_WAIT_SECONDS = 120;

    private final AssetService assets;
    private final MediaStorage storage;
    private final MediaConfig config;
    private final Path workDir;
    private final ThreadPoolExecutor renderers;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** (id, renderVersion) → source facts: immutable, so safe to keep; deletions are caught by the store check. */
    private final Map<String, RenderSource> sources = new ConcurrentHashMap<>();
    private final Counter storedHits;
    private final MeterRegistry metrics;
    private final Timer renderTime;

    RenditionService(AssetService assets, MediaStorage storage, MediaConfig config, MeterRegistry metrics) {
        this.assets = assets;
        this.storage = storage;
        this.config = config;
        this.metrics = metrics;
        this.workDir = Path.of(config.workDir());
        int threads = config.renderConcurrency().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger names = new AtomicInteger();
        this.renderers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.renderQueue()), runnable -> {
                    Thread thread = new Thread(runnable, "kopij-render-" + names.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.storedHits = Counter.builder("kopij.media.rendition.stored").description("Renditions served from the store")
                .register(metrics);
        this.renderTime = Timer.builder("kopij.media.render").description("Time to make and store one rendition")
                .register(metrics);
        metrics.gauge("kopij.media.render.queue", renderers, pool -> pool.getQueue().size());
    }

    @PreDestroy
    void stop() {
        renderers.shutdownNow();
    }

    /** What a request for a rendition comes to. */
    public sealed interface Outcome {
    }

    /** The stored object: a local file to send, or its bytes. */
    public record Stored(RenderSource source, Variant variant, String key, Optional<Path> file, byte[] bytes)
            implements Outcome {
    }

    /** The asset exists, the requested version is an old one: the current version's URL serves it. */
    public record Moved(RenderSource current) implements Outcome {
    }

    public record Missing() implements Outcome {
    }

    /** Known facts of an asset version, without any I/O: the event loop serves local files with it. */
    public Optional<RenderSource> cached(UUID id, int version) {
        return Optional.ofNullable(sources.get(id + "/" + version));
    }

    public static String key(RenderSource source, Variant variant) {
        return AssetService.servedPrefix(source.id()) + "v" + source.renderVersion() + "/" + variant.name();
    }

    public Variant variant(RenderSource source, RenditionSpec spec) {
        return spec.resolve(source, config.defaultQuality());
    }

    /** Finds or makes the rendition (blocking: the store, the database, a render). */
    public Outcome resolve(UUID id, int version, RenditionSpec spec) throws IOException {
        Optional<RenderSource> known = cached(id, version);
        if (known.isPresent()) {
            Variant variant = variant(known.get(), spec);
            Optional<Outcome> stored = stored(known.get(), variant);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        // Not in the store: ask the database (the asset may be gone, or this version an old one).
        Optional<RenderSource> current = assets.renderSource(id);
        if (current.isEmpty()) {
            return new Missing();
        }
        if (current.get().renderVersion() != version) {
            return new Moved(current.get());
        }
        RenderSource source = current.get();
        remember(source);
        Variant variant = variant(source, spec);
        Optional<Outcome> stored = stored(source, variant);
        if (stored.isPresent()) {
            return stored.get();
        }
        makeOnce(source, variant);
        return stored(source, variant).orElse(new Missing()); // missing only when deleted meanwhile
    }

    private Optional<Outcome> stored(RenderSource source, Variant variant) throws IOException {
        String key = key(source, variant);
        Optional<Path> file = storage.localFile(key);
        if (file.isPresent()) {
            storedHits.increment();
            return Optional.of(new Stored(source, variant, key, file, null));
        }
        Optional<byte[]> bytes = storage.read(key);
        if (bytes.isPresent()) {
            storedHits.increment();
        }
        return bytes.map(data -> new Stored(source, variant, key, Optional.empty(), data));
    }

    /** The stored object as a local file, when the store keeps files (a stat, cheap enough for the event loop). */
    public Optional<Path> localFile(String key) {
        return storage.localFile(key);
    }

    public void countStoredHit() {
        storedHits.increment();
    }

    private void remember(RenderSource source) {
        if (sources.size() >= MAX_CACHED_SOURCES) {
            sources.clear(); // cheap to rebuild: one primary-key lookup per asset
        }
        sources.put(source.id() + "/" + source.renderVersion(), source);
    }

    private void makeOnce(RenderSource source, Variant variant) {
        String key = key(source, variant);
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            running = mine;
            try {
                renderers.execute(() -> {
                    try {
                        render(source, variant, key);
                        mine.complete(null);
                    } catch (Throwable e) {
                        mine.completeExceptionally(e);
                    } finally {
                        inFlight.remove(key, mine);
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.remove(key, mine);
                throw AssetException.busy();
            }
        }
        try {
            running.get(RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KopijException known) {
                throw known;
            }
            throw new IllegalStateException("Rendering " + key + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw AssetException.busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AssetException.busy();
        }
    }

    private void render(RenderSource source, Variant variant, String key) throws IOException {
        if (storage.exists(key)) {
            return; // another instance made it since we looked
        }
        Timer.Sample sample = Timer.start(metrics);
        Files.createDirectories(workDir);
        String original = AssetService.originalKey(source.sha256());
        Path copy = null;
        Path out = Files.createTempFile(workDir, "render-", "." + variant.format().extension());
        try {
            Path input = storage.localFile(original).orElse(null);
            if (input == null) {
                copy = Files.createTempFile(workDir, "source-", ".bin");
                if (!storage.copyTo(original, copy)) {
                    throw new UncheckedIOException(new IOException("The upload of asset " + source.id() + " is missing"));
                }
                input = copy;
            }
            try (OutputStream target = new BufferedOutputStream(Files.newOutputStream(out), 64 * 1024)) {
                write(source, variant, input, target);
            }
            storage.put(key, out, variant.format().mimeType());
        } finally {
            Files.deleteIfExists(out);
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
        sample.stop(renderTime);
        metrics.counter("kopij.media.renders", "format", variant.format().parameter()).increment();
        if (!assets.exists(source.id())) {
            storage.deleteAll(AssetService.servedPrefix(source.id())); // deleted while we rendered
        }
    }

    /** The cleaned original is a lossless copy without metadata, unless the camera's orientation must be applied. */
    private static void write(RenderSource source, Variant variant, Path input, OutputStream target) throws IOException {
        boolean oriented = source.orientation() != 1;
        if (variant.original() && !oriented) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 64 * 1024)) {
                MetadataStripper.strip(source.format(), in, target);
            }
            return;
        }
        ImageRenderer.Target wanted = variant.original()
                ? new ImageRenderer.Target(null, null, false, 0.5, 0.5, ImageFormat.JPEG, ORIENTED_ORIGINAL_QUALITY)
                : new ImageRenderer.Target(variant.width(), variant.height(), variant.fit() == RenditionSpec.Fit.COVER,
                        source.focalX(), source.focalY(), variant.format(),
                        variant.quality() == null ? 100 : variant.quality());
        ImageRenderer.render(source.image(), input, wanted, target);
    }

    /** Forgets the facts of a deleted asset (this instance; others find its objects gone from the store). */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssetChanged change) {
        if (change.kind() == AssetChanged.Kind.DELETED) {
            sources.keySet().removeIf(key -> key.startsWith(change.assetId() + "/"));
        }
    }
}
