package io.kopij.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Closed-loop load: {@code concurrency} threads, each sending its next request as soon as the previous answer is
 * read, over one keep-alive HTTP/1.1 client (one connection per busy thread). A warm-up phase runs first; all
 * threads finish it before the measured phase starts, so the CPU and statement counters read between the phases see
 * only measured requests.
 */
final class LoadDriver {

    /** One benchmark case: how to build its next request. */
    record Spec(String id, String label, Supplier<HttpRequest> request) {
    }

    /** Counters read before and after a measured interval. */
    record Snapshot(long nanos, double appCpuMs, double pgCpuMs, double driverCpuMs, long sql, long utility) {
    }

    interface Probe {
        Snapshot snapshot() throws Exception;
    }

    record Result(Spec spec, int concurrency, long requests, double seconds, double p50Ms, double p99Ms,
            double meanBytes, Map<Integer, Long> statuses, long errors, String firstError, Snapshot before,
            Snapshot after) {

        double rps() {
            return requests / seconds;
        }

        double perRequest(double delta) {
            return requests == 0 ? Double.NaN : delta / requests;
        }

        double sqlPerRequest() {
            return perRequest(after.sql() - before.sql());
        }

        double utilityPerRequest() {
            return perRequest(after.utility() - before.utility());
        }

        double appCpuMsPerRequest() {
            return perRequest(after.appCpuMs() - before.appCpuMs());
        }

        double pgCpuMsPerRequest() {
            return perRequest(after.pgCpuMs() - before.pgCpuMs());
        }

        double driverCpuMsPerRequest() {
            return perRequest(after.driverCpuMs() - before.driverCpuMs());
        }

        String statusText() {
            StringBuilder sb = new StringBuilder();
            statuses.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('×').append(v));
            if (errors > 0) {
                sb.append(sb.length() == 0 ? "" : " ").append("err×").append(errors);
            }
            return sb.toString();
        }
    }

    private final HttpClient client;
    private final ExecutorService clientExecutor;

    LoadDriver() {
        AtomicInteger n = new AtomicInteger();
        clientExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientExecutor)
                .build();
    }

    HttpClient client() {
        return client;
    }

    Result run(Spec spec, int concurrency, Duration warmup, Duration measure, Probe probe) throws Exception {
        if (!warmup.isZero()) {
            phase(spec, concurrency, warmup);
        }
        Snapshot before = probe.snapshot();
        Phase p = phase(spec, concurrency, measure);
        Snapshot after = probe.snapshot();
        long[] all = p.latencies;
        Arrays.sort(all);
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        return new Result(spec, concurrency, all.length, seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : (double) p.bytes / all.length, p.statuses, p.errors, p.firstError, before,
                after);
    }

    private record Phase(long[] latencies, long bytes, Map<Integer, Long> statuses, long errors, String firstError) {
    }

    private Phase phase(Spec spec, int concurrency, Duration length) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        Worker[] workers = new Worker[concurrency];
        Thread[] threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(spec, deadline);
            threads[i] = new Thread(workers[i], "bench-worker-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = 0;
        for (Worker w : workers) {
            total += w.count;
        }
        long[] all = new long[total];
        int at = 0;
        long bytes = 0;
        long errors = 0;
        String firstError = null;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
            bytes += w.bytes;
            errors += w.errors;
            if (firstError == null) {
                firstError = w.firstError;
            }
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        }
        return new Phase(all, bytes, statuses, errors, firstError);
    }

    private final class Worker implements Runnable {
        private final Spec spec;
        private final long deadline;
        long[] latencies = new long[4096];
        int count;
        long bytes;
        long errors;
        String firstError;
        final Map<Integer, Long> statuses = new TreeMap<>();

        Worker(Spec spec, long deadline) {
            this.spec = spec;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                HttpRequest request = spec.request().get();
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long t1 = System.nanoTime();
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = t1 - t0;
                    bytes += r.body().length;
                    statuses.merge(r.statusCode(), 1L, Long::sum);
                } catch (IOException e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static List<Spec> mix(List<Spec> specs) {
        AtomicInteger next = new AtomicInteger();
        List<Spec> one = new ArrayList<>();
        one.add(new Spec("mix", "all cases, round robin",
                () -> specs.get(Math.floorMod(next.getAndIncrement(), specs.size())).request().get()));
        return one;
    }

    void close() {
        clientExecutor.shutdownNow();
    }
}
