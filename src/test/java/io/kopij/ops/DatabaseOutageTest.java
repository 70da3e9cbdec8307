package io.kopij.ops;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Stops the (embedded) PostgreSQL under write load and starts it again: while it is away requests fail fast with
 * a 503 problem and Retry-After, the service recovers by itself, and no write that was acknowledged is lost.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void outageUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        Path dataDir;
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select current_setting('data_directory')")) {
            rs.next();
            dataDir = Path.of(rs.getString(1));
        }
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        Path bin = Path.of(Files.readSymbolicLink(Path.of("/proc/" + postmaster + "/exe")).toString()).getParent();
        List<String> options = postgresOptions(dataDir);

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Integer> outageStatuses = Collections.synchronizedList(new ArrayList<>());
        List<Long> outageMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> otherStatuses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean down = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            running.add(writers.submit(() -> {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!stop.get() && System.currentTimeMillis() < deadline) {
                    long started = System.currentTimeMillis();
                    Response response = editor().contentType(ContentType.JSON)
                            .body(article("Onder last " + unique())).post("/api/v1/articles");
                    if (response.statusCode() == 201) {
                        acknowledged.add(response.path("id"));
                    } else if (!down.get()) {
                        otherStatuses.add(response.statusCode() + " " + response.asString());
                    } else {
                        outageStatuses.add(response.statusCode());
                        outageMillis.add(System.currentTimeMillis() - started);
                        assertEquals("application/problem+json", response.contentType());
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 5);
        int beforeOutage = acknowledged.size();
        // As the embedded server does: pg_ctl refuses to run as root, so it runs in a user namespace.
        run("unshare", "-U", bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w");
        down.set(true);
        // Several writes must meet the outage (each waits at most the pool's 3 s before its 503).
        await().atMost(Duration.ofSeconds(30)).until(() -> outageStatuses.size() >= 6);
        List<String> start = new ArrayList<>(List.of("unshare", "-U", bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-l", dataDir.resolve("restart.log").toString(), "start", "-w", "-o", String.join(" ", options)));
        run(start.toArray(String[]::new));
        down.set(false);
        // The service comes back by itself, and writes are acknowledged again.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> anonymous().get("/api/v1/articles?limit=1").statusCode() == 200);
        int afterRecovery = acknowledged.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= afterRecovery + 3);
        stop.set(true);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertTrue(beforeOutage > 0, "no writes before the outage: " + otherStatuses);
        assertTrue(!outageStatuses.isEmpty(), "no request hit the outage");
        assertTrue(outageStatuses.stream().allMatch(s -> s == 503), "outage answers: " + outageStatuses);
        assertTrue(outageMillis.stream().allMatch(ms -> ms < 8000), "outage answers were slow: " + outageMillis);
        anonymous().get("/q/health/ready").then().statusCode(200);
        for (String id : acknowledged) {
            editor().get("/api/v1/articles/" + id).then().statusCode(200).body("id", is(id));
        }
    }

    @Test
    void problemsCarryTheRequestId() {
        anonymous().header("X-Request-Id", "test-request-0001").get("/api/v1/articles/niet-bestaand")
                .then().statusCode(404).header("X-Request-Id", "test-request-0001");
        String generated = anonymous().get("/api/v1/articles?limit=1").then().statusCode(200)
                .extract().header("X-Request-Id");
        assertTrue(generated != null && generated.length() >= 8);
    }

    @Test
    void healthAndMetrics() {
        anonymous().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        anonymous().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        anonymous().get("/api/v1/articles?limit=1").then().statusCode(200);
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("http_server_requests_seconds_count", "uri=\"/api/v1/articles\"", "agroal_",
                "kopij_articles{status=\"published\"")) {
            assertTrue(metrics.contains(name), "metrics lack " + name);
        }
    }

    /** The server's own start options (port, settings) from postmaster.opts, without the binary and -D. */
    private static List<String> postgresOptions(Path dataDir) throws Exception {
        String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
        List<String> parts = new ArrayList<>();
        var matcher = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (matcher.find()) {
            parts.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        List<String> options = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).equals("-D")) {
                i++;
                continue;
            }
            String part = parts.get(i);
            options.add(part.contains(" ") || part.contains("=") ? "'" + part + "'" : part);
        }
        return options;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
