package io.kopij.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kopij's read benchmark (issue 6): a real PostgreSQL, the packaged app as its own process, the standard data set,
 * closed-loop HTTP load from this JVM. Run it with {@code ./mvnw -Pbench verify} (see README, Performance).
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String GRAPHQL_A = "{ articles(first: 20) { edges { node { id slug title lead publishedAt "
            + "authors { id slug name } tags { id slug name } } } } }";
    /** Case I: a typical sparse list, what a teaser block or a link list asks for. */
    static final String SPARSE_FIELDS = "id,slug,title,publishedAt";

    private final BenchConfig config;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private BenchDatabase db;
    private AppProcess app;
    private LoadDriver driver;
    private final AtomicBoolean cleaned = new AtomicBoolean();

    private Benchmark(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Benchmark bench = new Benchmark(config);
        Thread hook = new Thread(bench::cleanup, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = 0;
        try {
            bench.run();
        } catch (Throwable t) {
            System.err.println("BENCHMARK FAILED: " + t);
            t.printStackTrace();
            status = 1;
        } finally {
            bench.cleanup();
        }
        System.exit(status);
    }

    private void cleanup() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        if (driver != null) {
            driver.close();
        }
        if (app != null) {
            app.close();
            log("App stopped");
        }
        if (db != null) {
            db.close();
            log("PostgreSQL stopped");
        }
    }

    private void run() throws Exception {
        Files.createDirectories(config.dir());
        log("Kopij benchmark: " + config.describe());
        AppProcess.stopLeftover(config.dir());
        Path appLog = config.dir().resolve("app.log");
        Files.deleteIfExists(appLog);

        db = BenchDatabase.start(config.dir());
        log("PostgreSQL " + db.show("server_version") + " on port " + db.port() + " (fsync " + db.show("fsync")
                + ", shared_buffers " + db.show("shared_buffers") + ", pg_stat_statements loaded)");

        app = AppProcess.start(config, db.appJdbcUrl(), appLog);
        long firstStartup = app.startupMs;
        log("App started on an empty database (Flyway migrations included) in " + firstStartup + " ms");

        DataSet.Seeded seeded;
        try (Connection c = db.connect(BenchDatabase.APP_USER)) {
            seeded = new DataSet(config).seed(c);
        }
        log("Seeded " + seeded.articleRows() + " articles, " + config.authors() + " authors, " + config.tags()
                + " tags (" + seeded.authorLinks() + " author links, " + seeded.tagLinks() + " tag links, "
                + seeded.relatedLinks() + " related links) and ran VACUUM ANALYZE in " + seeded.millis() + " ms");
        String dbSize = scalar("select pg_size_pretty(pg_database_size('postgres'))");

        // Restart on the seeded database: the figure that counts is a start with the services up.
        app.close();
        app = AppProcess.start(config, List.of("-Dkopij.delivery.render-cache.enabled=false"), db.appJdbcUrl(), appLog);
        log("App restarted (render cache off for the pre-flight and SQL capture): process start to first 200 from " + app.readyPath + " in " + app.startupMs
                + " ms (Quarkus says: started in " + app.quarkusStartedIn() + ")");

        driver = new LoadDriver();
        String base = app.baseUrl();
        List<String> slugs = seeded.slugs();
        HttpRequest a = get(base + "/api/v1/articles?limit=20", null);

        // Pre-flight: every case answers what it should, and what the app does not offer yet is reported.
        HttpResponse<String> aResp = send(a);
        JsonNode aJson = JSON.readTree(aResp.body());
        check(aResp.statusCode() == 200 && aJson.path("data").size() == 20, "A: expected 20 articles, got "
                + aResp.statusCode() + " " + abbreviate(aResp.body()));
        JsonNode first = aJson.path("data").path(0);
        check(first.path("authors").size() > 0 && first.path("tags").size() > 0, "A: rows carry authors and tags");
        String etag = aResp.headers().firstValue("ETag").orElse(null);
        notes.add("Case A answer headers: ETag " + (etag == null ? "absent" : etag) + ", Cache-Control "
                + aResp.headers().firstValue("Cache-Control").orElse("absent"));

        HttpRequest b = HttpRequest.newBuilder(URI.create(base + "/graphql")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", GRAPHQL_A))))
                .build();
        HttpResponse<String> bResp = send(b);
        JsonNode bJson = JSON.readTree(bResp.body());
        check(bResp.statusCode() == 200 && !bJson.has("errors")
                && bJson.path("data").path("articles").path("edges").size() == 20,
                "B: expected 20 edges, got " + bResp.statusCode() + " " + abbreviate(bResp.body()));
        check(bJson.path("data").path("articles").path("edges").path(0).path("node").path("slug").asText()
                .equals(first.path("slug").asText()), "B: the same newest article as A");

        HttpResponse<String> cResp = send(get(base + "/api/v1/articles/by-slug/" + slugs.get(0), null));
        check(cResp.statusCode() == 200, "C: by-slug answered " + cResp.statusCode());
        boolean hasRelated = JSON.readTree(cResp.body()).has("related");
        notes.add("Case C detail " + (hasRelated ? "includes" : "does not include") + " a `related` field");

        HttpRequest dPage = get(base + "/api/v1/articles?limit=20&page=200", null);
        HttpResponse<String> dResp = send(dPage);
        check(dResp.statusCode() == 200, "D: page 200 answered " + dResp.statusCode());
        String cursor = null;
        HttpResponse<String> walk = aResp;
        for (int page = 2; page <= 200; page++) {
            cursor = JSON.readTree(walk.body()).path("page").path("next").asText(null);
            check(cursor != null, "D: a next cursor on page " + (page - 1));
            walk = send(get(base + "/api/v1/articles?limit=20&cursor=" + enc(cursor), null));
            check(walk.statusCode() == 200, "D: cursor walk answered " + walk.statusCode());
        }
        HttpRequest dCursor = get(base + "/api/v1/articles?limit=20&cursor=" + enc(cursor), null);
        boolean samePage = ids(JSON.readTree(dResp.body())).equals(ids(JSON.readTree(walk.body())));
        notes.add("Case D: page=200 and the cursor reached by walking 199 pages return "
                + (samePage ? "the same 20 articles" : "DIFFERENT articles"));

        HttpRequest e = null;
        if (etag == null) {
            unavailable.put("E", "the list answer carries no ETag, so there is nothing to revalidate");
        } else {
            e = get(base + "/api/v1/articles?limit=20", etag);
            HttpResponse<String> eResp = send(e);
            if (eResp.statusCode() != 304) {
                notes.add("Case E: If-None-Match " + etag + " answered " + eResp.statusCode() + ", not 304");
            }
        }

        // Edge delivery: GraphQL over GET revalidated (If-None-Match -> 304), target: at least as fast as E; and the
        // RSS feed of the newest articles (full bodies), target: within 2 x case A.
        String graphqlGet = base + "/graphql?query=" + enc(GRAPHQL_A);
        HttpResponse<String> gFirst = send(get(graphqlGet, null));
        String gEtag = gFirst.headers().firstValue("ETag").orElse(null);
        HttpRequest g = null;
        if (gFirst.statusCode() != 200 || gEtag == null) {
            unavailable.put("G", "GraphQL over GET answered " + gFirst.statusCode() + " without an ETag");
        } else {
            g = get(graphqlGet, gEtag);
            HttpResponse<String> gResp = send(g);
            check(gResp.statusCode() == 304, "G: If-None-Match on GraphQL over GET answered " + gResp.statusCode());
        }
        HttpRequest h = HttpRequest.newBuilder(URI.create(base + "/feeds/articles.rss")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/rss+xml").GET().build();
        HttpResponse<String> hResp = send(h);
        check(hResp.statusCode() == 200 && hResp.body().contains("<item>"), "H: the RSS feed answered "
                + hResp.statusCode());
        notes.add("Case H: the RSS feed is " + hResp.body().length() + " characters (" + (hResp.body().split("<item>",
                -1).length - 1) + " items with full bodies)");

        HttpRequest f = get(base + "/api/v1/articles?limit=20&q=" + enc(config.searchWord()), null);
        HttpResponse<String> fResp = send(f);
        if (fResp.statusCode() == 400) {
            unavailable.put("F", "`q` answered 400 (" + JSON.readTree(fResp.body()).path("code").asText("?")
                    + "): search not implemented");
            f = null;
        } else {
            JsonNode fJson = JSON.readTree(fResp.body());
            notes.add("Case F: q=" + config.searchWord() + " answered " + fResp.statusCode() + " with "
                    + fJson.path("data").size() + " rows, total " + fJson.path("page").path("total").asText("?"));
        }

        // A sparse fieldset of A: never slower than the full answer (issue 16).
        HttpRequest i = get(base + "/api/v1/articles?limit=20&fields=" + enc(SPARSE_FIELDS), null);
        HttpResponse<String> iResp = send(i);
        JsonNode iItems = JSON.readTree(iResp.body()).path("data");
        check(iResp.statusCode() == 200 && iItems.size() == 20, "I: expected 20 articles, got " + iResp.statusCode()
                + " " + abbreviate(iResp.body()));
        Set<String> sparseKeys = Set.of(SPARSE_FIELDS.split(","));
        for (JsonNode item : iItems) {
            Set<String> keys = new HashSet<>();
            item.fieldNames().forEachRemaining(keys::add);
            check(keys.equals(sparseKeys), "I: items with only " + SPARSE_FIELDS + ", got " + keys);
        }

        List<LoadDriver.Spec> specs = new ArrayList<>();
        specs.add(new LoadDriver.Spec("A", "REST newest 20", () -> a));
        specs.add(new LoadDriver.Spec("B", "GraphQL newest 20", () -> b));
        specs.add(new LoadDriver.Spec("C", "REST by slug (random)", () -> get(base + "/api/v1/articles/by-slug/"
                + slugs.get(ThreadLocalRandom.current().nextInt(slugs.size())), null)));
        specs.add(new LoadDriver.Spec("D-page", "REST page=200", () -> dPage));
        specs.add(new LoadDriver.Spec("D-cursor", "REST cursor of page 200", () -> dCursor));
        if (e != null) {
            HttpRequest eReq = e;
            specs.add(new LoadDriver.Spec("E", "A with If-None-Match", () -> eReq));
        }
        if (g != null) {
            HttpRequest gReq = g;
            specs.add(new LoadDriver.Spec("G", "GraphQL GET with If-None-Match", () -> gReq));
        }
        specs.add(new LoadDriver.Spec("H", "RSS feed (newest 50, full bodies)", () -> h));
        if (f != null) {
            HttpRequest fReq = f;
            specs.add(new LoadDriver.Spec("F", "REST search q=" + config.searchWord(), () -> fReq));
        }
        specs.add(new LoadDriver.Spec("I", "REST newest 20, fields=" + SPARSE_FIELDS, () -> i));

        // Case A's SQL, as PostgreSQL received it, for the raw ceiling (and for the record).
        List<RawCeiling.Captured> caseASql = RawCeiling.capture(db, () -> send(a));
        Path sqlFile = config.dir().resolve("case-a.sql");
        StringBuilder sqlText = new StringBuilder();
        for (RawCeiling.Captured c : caseASql) {
            sqlText.append(c.sql()).append(";\n-- parameters: ").append(c.params()).append("\n");
        }
        Files.writeString(sqlFile, sqlText.toString());
        log("Case A sends " + caseASql.size() + " statements (incl. transaction control) per request; written to "
                + sqlFile);

        List<Report.Row> results = new ArrayList<>();
        Map<String, Long> startups = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        String preflightBase = base;
        for (String mode : config.cacheModes()) {
            boolean on = mode.equals("on");
            app.close();
            app = AppProcess.start(config, List.of("-Dkopij.delivery.render-cache.enabled=" + on), db.appJdbcUrl(),
                    appLog);
            startups.put(mode, app.startupMs);
            log("Render cache " + mode + ": app restarted, ready in " + app.startupMs + " ms");
            String now = app.baseUrl();
            List<LoadDriver.Spec> modeSpecs = new ArrayList<>();
            for (LoadDriver.Spec spec : specs) {
                if (!config.measures(spec.id())) {
                    continue;
                }
                HttpRequest once = spec.request().get();
                if (once == spec.request().get()) {
                    HttpRequest fixed = rebase(once, preflightBase, now);
                    modeSpecs.add(new LoadDriver.Spec(spec.id(), spec.label(), () -> fixed));
                } else {
                    modeSpecs.add(new LoadDriver.Spec(spec.id(), spec.label(),
                            () -> rebase(spec.request().get(), preflightBase, now)));
                }
            }
            if (!config.jitWarmup().isZero()) {
                log("JIT warm-up: " + config.jitWarmup().toSeconds() + " s of all cases, round robin, concurrency 8");
                driver.run(LoadDriver.mix(modeSpecs).get(0), 8, Duration.ZERO, config.jitWarmup(), this::snapshot);
            }
            for (LoadDriver.Spec spec : modeSpecs) {
                for (int conc : config.concurrencies()) {
                    long[] before = cacheCounters(now);
                    LoadDriver.Result r = driver.run(spec, conc, config.warmup(), config.duration(), this::snapshot);
                    long[] after = cacheCounters(now);
                    String ratio = "?";
                    if (before != null && after != null) {
                        long hits = after[0] - before[0];
                        long lookups = hits + after[1] - before[1];
                        long notModified = after[2] - before[2];
                        ratio = lookups > 0 ? String.format(Locale.ROOT, "%.3f", (double) hits / lookups)
                                : notModified > 0 ? "304s: " + notModified : "-";
                    }
                    results.add(new Report.Row(mode, r, ratio));
                    log(String.format(Locale.ROOT, "%-8s cache %-3s c=%-3d %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  "
                                    + "%8.0f B  SQL/req %5.2f  app CPU %6.3f ms/req  PG CPU %6.3f ms/req  hit %s  [%s]",
                            spec.id(), mode, conc, r.rps(), r.p50Ms(), r.p99Ms(), r.meanBytes(), r.sqlPerRequest(),
                            r.appCpuMsPerRequest(), r.pgCpuMsPerRequest(), ratio, r.statusText()));
                    if (r.firstError() != null) {
                        notes.add(spec.id() + " cache " + mode + " c=" + conc + ": " + r.errors()
                                + " transport errors, first: " + r.firstError());
                    }
                }
            }
            rss.put(mode, app.rssMiB());
            log(String.format(Locale.ROOT, "Render cache %s: app RSS after the run %.0f MiB", mode, rss.get(mode)));
        }

        RawCeiling.Outcome ceiling = null;
        int ceilingClients = config.concurrencies().stream().mapToInt(Integer::intValue).max().orElse(32);
        if (!config.ceiling().equals("none") && !caseASql.isEmpty()) {
            Path pgbench = config.ceiling().equals("jdbc") ? null : RawCeiling.findPgbench();
            if (pgbench != null) {
                ceiling = RawCeiling.runPgbench(pgbench, caseASql, db, ceilingClients, config.warmup(),
                        config.duration(), config.dir());
            } else {
                ceiling = RawCeiling.runJdbc(caseASql, db, ceilingClients, config.warmup(), config.duration());
            }
            log(String.format(Locale.ROOT, "Raw SQL ceiling of case A (%s, %d clients): %.1f transactions/s, "
                            + "latency avg %.2f ms, PG CPU %.3f ms/tx, %.2f SQL/tx", ceiling.tool(), ceiling.clients(),
                    ceiling.tps(), ceiling.latencyMs(), ceiling.pgCpuMsPerTx(), ceiling.sqlPerTx()));
        } else if (caseASql.isEmpty()) {
            notes.add("Raw ceiling skipped: no statements were captured for case A");
        }

        String report = Report.markdown(config, results, ceiling, unavailable, notes, startups, firstStartup,
                seeded, dbSize, db, caseASql, rss);
        Path out = config.dir().resolve("results.md");
        Files.writeString(out, report);
        System.out.println();
        System.out.println(report);
        log("Written to " + out);
    }

    private LoadDriver.Snapshot snapshot() throws Exception {
        long[] sql = db.statementCalls();
        return new LoadDriver.Snapshot(System.nanoTime(), app.cpuMs(), db.cpuMs(),
                ProcCpu.processMs(ProcessHandle.current().pid()), sql[0], sql[1]);
    }

    /** Render cache hits, misses and 304s from the watermark so far, from the app's Prometheus metrics. */
    private long[] cacheCounters(String base) {
        long[] counters = new long[3];
        HttpResponse<String> metrics;
        try {
            metrics = send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).timeout(Duration.ofSeconds(30))
                    .GET().build());
        } catch (IllegalStateException e) {
            notes.add("Metrics could not be read (" + e.getMessage() + "): a hit ratio is missing");
            return null;
        }
        for (String line : metrics.body().split("\n")) {
            int index = line.startsWith("kopij_render_cache_hits_total") ? 0
                    : line.startsWith("kopij_render_cache_misses_total") ? 1
                    : line.startsWith("kopij_delivery_not_modified_total") ? 2 : -1;
            if (index >= 0) {
                counters[index] = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return counters;
    }

    private static HttpRequest rebase(HttpRequest request, String from, String to) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .uri(URI.create(to + request.uri().toString().substring(from.length()))).build();
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = db.connect(BenchDatabase.BENCH_USER); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static HttpRequest get(String url, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return driver.client().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(r.uri() + ": " + e, e);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Pre-flight check failed: " + what);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static void log(String msg) {
        System.out.println("[bench " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
                + msg);
    }
}
