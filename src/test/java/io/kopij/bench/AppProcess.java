package io.kopij.bench;

import io.kopij.support.PackagedAppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged app ({@code java -jar quarkus-run.jar}) as a separate process; its output goes to a log file. */
final class AppProcess implements AutoCloseable {

    final Process process;
    final int port;
    final Path log;
    /** Process start to the first 200 from the readiness endpoint, in ms. */
    final long startupMs;
    final String readyPath;

    private AppProcess(Process process, int port, Path log, long startupMs, String readyPath) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupMs = startupMs;
        this.readyPath = readyPath;
    }

    static AppProcess start(BenchConfig config, String jdbcUrl, Path log) throws IOException, InterruptedException {
        return start(config, List.of(), jdbcUrl, log);
    }

    /** Starts the app with these JVM options after the configured ones (e.g. -Dkopij.delivery.render-cache.enabled=false). */
    static AppProcess start(BenchConfig config, List<String> extraArgs, String jdbcUrl, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(config.appJar())) {
            throw new IllegalStateException("No packaged app at " + config.appJar() + ": build it first "
                    + "(./mvnw -Pbench verify does)");
        }
        int port = PackagedAppProcess.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(config.java());
        cmd.addAll(config.appJvmArgs());
        cmd.addAll(extraArgs);
        // From the jar's directory with its relative name, as the AppCDS archive recorded the class path.
        cmd.add("-jar");
        cmd.add(config.appJar().getFileName().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(config.appJar().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        // Reads never contact Keycloak; nothing listens on port 9.
        pb.environment().put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/cms");
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // As in the image (docker/Dockerfile): two malloc arenas instead of eight per core keep native memory down.
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500)).build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Files.writeString(config.dir().resolve("app.pid"), Long.toString(p.pid()));
        try {
            long deadline = t0 + config.startTimeout().toNanos();
            String path = "/q/health/ready";
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("The app exited with " + p.exitValue() + " during startup; "
                            + "see " + log + ":\n" + PackagedAppProcess.tail(log, 30));
                }
                try {
                    HttpResponse<Void> r = probe.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        return new AppProcess(p, port, log, ms, path);
                    }
                    if (r.statusCode() == 404 && path.startsWith("/q/health")) {
                        path = "/api/v1/articles?limit=1"; // no health extension: the first answered read counts
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("The app was not ready within " + config.startTimeout() + "; see " + log);
        } catch (InterruptedException | RuntimeException e) {
            PackagedAppProcess.stop(p);
            throw e;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the app process in MiB (VmRSS), or -1. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or gone
        }
        return -1;
    }

    double cpuMs() {
        return ProcCpu.processMs(process.pid());
    }

    /** Quarkus' own "started in" figure from the log, or null. */
    String quarkusStartedIn() {
        try {
            for (String line : Files.readAllLines(log)) {
                int i = line.indexOf(" started in ");
                if (i >= 0 && line.contains("Quarkus")) {
                    return line.substring(i + 12).replaceAll("\\. Listening.*", "").trim();
                }
            }
        } catch (IOException ignored) {
            // no figure
        }
        return null;
    }

    @Override
    public void close() {
        PackagedAppProcess.stop(process);
    }

    /** An app left running by a killed earlier run (pid in target/bench/app.pid) is stopped first. */
    static void stopLeftover(Path dir) {
        Path pidFile = dir.resolve("app.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                if (h.info().commandLine().orElse("").contains("quarkus-run.jar")) {
                    System.out.println("Stopping the app left by an earlier run (pid " + pid + ")");
                    h.destroy();
                    h.onExit().orTimeout(15, TimeUnit.SECONDS).exceptionally(t -> null).join();
                    if (h.isAlive()) {
                        h.destroyForcibly();
                    }
                }
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not check " + pidFile + ": " + e);
        }
    }
}
