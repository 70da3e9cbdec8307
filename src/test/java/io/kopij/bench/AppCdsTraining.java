package io.kopij.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the packaged app's AppCDS archive ({@code target/quarkus-app/app-cds.jsa}) from a training run: the app
 * starts on a small seeded database, answers the requests a news site sends (REST lists, details, search, GraphQL
 * over GET and POST, feeds, revalidations, refusals), and the JVM archives every class it loaded when it stops
 * ({@code -XX:ArchiveClassesAtExit}). Quarkus' own archive stops after static initialisation and so covers about
 * 7,500 of the 17,000 classes a started app has loaded; the rest were read from the jars and verified on every start.
 * The build runs it in the package phase ({@code kopij.appcds.training.skip=true} skips it; then the image has no
 * archive and starts without one).
 */
public final class AppCdsTraining {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Path archive = config.appJar().resolveSibling("app-cds.jsa");
        Files.createDirectories(config.dir());
        Path appLog = config.dir().resolve("app.log");
        Files.deleteIfExists(appLog);
        long started = System.nanoTime();
        int requests;
        try (BenchDatabase db = BenchDatabase.start(config.dir())) {
            Files.deleteIfExists(archive);
            // From the jar's directory with its relative name (AppProcess does): the archive records the class path.
            // The app's start migrates the empty database; the data set is seeded before the first request.
            try (AppProcess app = AppProcess.start(config, List.of("-XX:ArchiveClassesAtExit=" + archive.getFileName()),
                    db.appJdbcUrl(), appLog)) {
                DataSet.Seeded seeded;
                try (Connection c = db.connect(BenchDatabase.APP_USER)) {
                    seeded = new DataSet(config).seed(c);
                }
                requests = exercise(app.baseUrl(), seeded.slugs(), config.searchWord());
                log("trained with " + requests + " requests; stopping the app, the JVM writes the archive as it exits");
            }
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("The training run wrote no AppCDS archive at " + archive + "; see "
                    + appLog);
        }
        log(String.format("wrote %s (%d MiB) in %.1f s", archive, Files.size(archive) >> 20,
                (System.nanoTime() - started) / 1e9));
        System.exit(0); // as the benchmark does: no helper thread of the database or HTTP client keeps this JVM alive
    }

    /** What a news site's readers, apps and edge send; each answer must be the expected status. */
    private static int exercise(String base, List<String> slugs, String searchWord)
            throws IOException, InterruptedException {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(get(base + "/api/v1/articles?limit=20"), 200));
        checks.add(new Check(get(base + "/api/v1/articles?limit=20&fields="
                + Benchmark.enc(Benchmark.SPARSE_FIELDS)), 200));
        checks.add(new Check(get(base + "/api/v1/articles?limit=20&page=3"), 200));
        checks.add(new Check(get(base + "/api/v1/articles?limit=20&q=" + Benchmark.enc(searchWord)), 200));
        checks.add(new Check(get(base + "/api/v1/articles?limit=abc"), 400));
        checks.add(new Check(get(base + "/api/v1/articles?cursor=not-a-cursor"), 400));
        for (String slug : slugs.subList(0, Math.min(5, slugs.size()))) {
            checks.add(new Check(get(base + "/api/v1/articles/by-slug/" + slug), 200));
        }
        checks.add(new Check(get(base + "/api/v1/articles/by-slug/no-such-article"), 404));
        checks.add(new Check(get(base + "/api/v1/tags?limit=50"), 200));
        checks.add(new Check(get(base + "/api/v1/authors?limit=50"), 200));
        checks.add(new Check(get(base + "/graphql?query=" + Benchmark.enc(Benchmark.GRAPHQL_A)), 200));
        checks.add(new Check(HttpRequest.newBuilder(URI.create(base + "/graphql")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", Benchmark.GRAPHQL_A))))
                .build(), 200));
        checks.add(new Check(get(base + "/feeds/articles.rss"), 200));
        checks.add(new Check(get(base + "/feeds/articles.atom"), 200));
        checks.add(new Check(get(base + "/feeds/articles.json"), 200));
        checks.add(new Check(get(base + "/sitemaps/news.xml"), 200));
        checks.add(new Check(get(base + "/q/health/ready"), 200));
        checks.add(new Check(get(base + "/q/metrics"), 200));
        checks.add(new Check(get(base + "/q/openapi"), 200));
        // Refusals: a write without a token, and malformed JSON.
        checks.add(new Check(post(base + "/api/v1/articles", "{\"title\":"), 400));
        checks.add(new Check(post(base + "/api/v1/articles", "{\"title\":\"Training\"}"), 401));
        int sent = 0;
        for (int round = 0; round < 3; round++) { // the second and third rounds: the render cache and revalidations
            for (Check check : checks) {
                HttpResponse<String> answer = HTTP.send(check.request(), HttpResponse.BodyHandlers.ofString());
                sent++;
                if (answer.statusCode() != check.status()) {
                    throw new IllegalStateException(check.request().uri() + " answered " + answer.statusCode()
                            + ", expected " + check.status() + ": " + answer.body());
                }
                String etag = answer.headers().firstValue("ETag").orElse(null);
                if (etag != null && check.request().method().equals("GET")) {
                    // The same request (its Accept is part of the tag) with the tag it was given.
                    HttpRequest again = HttpRequest.newBuilder(check.request(), (name, value) -> true)
                            .header("If-None-Match", etag).build();
                    HttpResponse<Void> revalidated = HTTP.send(again, HttpResponse.BodyHandlers.discarding());
                    sent++;
                    if (revalidated.statusCode() != 304) {
                        throw new IllegalStateException(check.request().uri() + " revalidated with " + etag
                                + " answered " + revalidated.statusCode());
                    }
                }
            }
        }
        return sent;
    }

    private record Check(HttpRequest request, int status) {
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "*/*").GET()
                .build();
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void log(String message) {
        System.out.println("[appcds-training] " + message);
    }
}
