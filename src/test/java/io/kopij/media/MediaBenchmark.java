package io.kopij.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import io.kopij.media.image.ImageFormat;
import io.kopij.media.image.ImageInfo;
import io.kopij.media.image.ImageInspector;
import io.kopij.media.image.ImageRenderer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The media targets, measured and printed (not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw -Pmedia-bench test}): serving a stored rendition at concurrency 32, and making a 1280-wide WebP
 * from a 12-megapixel JPEG (time and memory). The load driver runs in the same JVM as the app, on the same two
 * cores, over HTTP/1.1 keep-alive on 127.0.0.1. Durations: -Dmedia.bench.seconds (default 15).
 */
@QuarkusTest
@Tag("benchmark")
class MediaBenchmark {

    private static final int CONCURRENCY = 32;

    @TestHTTPResource("/")
    URL base;

    @Test
    void storedRenditionThroughput() throws Exception {
        String url = MediaApi.urlOf(MediaApi.create(TestImages.encode(photoLike(2000, 1333), "jpeg"), "bench.jpg"))
                + "?w=640&fm=webp";
        byte[] body = MediaApi.download(url); // the first request renders and stores it
        URI target = base.toURI().resolve(url);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(target).GET().build();
        run(client, request, Duration.ofSeconds(5)); // warm-up
        long seconds = Long.getLong("media.bench.seconds", 15);
        Result result = run(client, request, Duration.ofSeconds(seconds));
        System.out.printf("%nMEDIA BENCH stored rendition (%d bytes, %s): concurrency %d, %d s: %.0f req/s, "
                        + "p50 %.2f ms, p99 %.2f ms, %d non-200%n", body.length, url, CONCURRENCY, seconds,
                result.count / (double) seconds, result.percentile(0.5), result.percentile(0.99), result.errors);
        assertEquals(0, result.errors);
    }

    @Test
    void webpFromATwelveMegapixelJpeg() throws Exception {
        Path dir = Files.createTempDirectory("media-bench");
        Path jpeg = dir.resolve("12mp.jpg");
        Files.write(jpeg, TestImages.encode(photoLike(4000, 3000), "jpeg"));
        ImageInfo info = ImageInspector.inspect(jpeg, 50_000_000);
        ImageRenderer.Target target = new ImageRenderer.Target(1280, null, false, 0.5, 0.5, ImageFormat.WEBP, 80);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Long> times = new ArrayList<>();
        long allocated = 0;
        long peakHeap = 0;
        int size = 0;
        for (int i = 0; i < 8; i++) {
            System.gc();
            resetPeaks();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageRenderer.render(info, jpeg, target, out);
            times.add((System.nanoTime() - start) / 1_000_000);
            allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            peakHeap = peakHeap();
            size = out.size();
        }
        List<Long> measured = times.subList(3, times.size()).stream().sorted().toList();
        System.out.printf("%nMEDIA BENCH 1280-wide WebP (q80, %d bytes) from a 4000x3000 JPEG (%d bytes): "
                        + "median %d ms (min %d, max %d; first run %d ms), allocated %.0f MB per render, "
                        + "peak heap %.0f MB (JVM -Xmx %.0f MB); through HTTP incl. storing: %d ms%n",
                size, Files.size(jpeg), measured.get(measured.size() / 2), measured.get(0),
                measured.get(measured.size() - 1), times.get(0), allocated / 1e6, peakHeap / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, throughHttp(jpeg));
        Files.walk(dir).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }

    /** Upload the same 12 MP JPEG and time its first 1280-wide WebP rendition (render, store, send). */
    private long throughHttp(Path jpeg) throws Exception {
        String url = MediaApi.urlOf(MediaApi.create(Files.readAllBytes(jpeg), "12mp.jpg")) + "?w=1280&fm=webp";
        long start = System.nanoTime();
        given().get(url).then().statusCode(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A gradient with per-pixel noise: compresses about as badly as a camera photo (megabytes, not kilobytes). */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = TestImages.picture(width, height, System.nanoTime());
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int noise = random.nextInt(41) - 20;
                int r = clamp(((rgb >> 16) & 0xff) + noise);
                int g = clamp(((rgb >> 8) & 0xff) + noise);
                int b = clamp((rgb & 0xff) + noise);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private record Result(long count, long errors, long[] latenciesMicros) {

        double percentile(double q) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            return latenciesMicros[(int) Math.min(latenciesMicros.length - 1, q * latenciesMicros.length)] / 1000.0;
        }
    }

    private static Result run(HttpClient client, HttpRequest request, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                futures.add(workers.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = (System.nanoTime() - start) / 1000;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                all.add(future.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(merged.length, errors.get(), merged);
        } finally {
            workers.shutdownNow();
        }
    }
}
