package io.kopij.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}, production profile) as a process of its
 * own, for tests that need several instances at once (a {@code @QuarkusIntegrationTest} starts only one). Its
 * configuration is passed as system properties; its output goes to {@code app.log} in its working directory.
 */
public final class PackagedAppProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "quarkus-app",
            "quarkus-run.jar");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final long startupMillis;

    private PackagedAppProcess(String name, Process process, int port, Path log, long startupMillis) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupMillis = startupMillis;
    }

    /**
     * Starts the app in {@code workDir} (relative paths of its configuration, such as media storage, land there)
     * with these properties, and waits until its readiness check answers 200.
     */
    public static PackagedAppProcess start(String name, Path workDir, Map<String, String> properties,
            Duration timeout) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No packaged app at " + JAR + ": run the package phase first");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve("app.log");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The memory settings of the image (docker/Dockerfile), a little roomier: several of these share the machine.
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        // Also when the test JVM is stopped before the test could close it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-" + workDir.getFileName()));
        try {
            awaitReady(name, process, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), log, timeout);
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
        return new PackagedAppProcess(name, process, port, log,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void awaitReady(String name, Process process, URI readiness, Path log, Duration timeout) {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest ready = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
        await().alias(name + " ready (log: " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + " while starting; the end of " + log + ":\n" + tail(log, 30));
                    }
                    try {
                        return probe.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** From the process start to the first 200 of the readiness check. */
    public long startupMillis() {
        return startupMillis;
    }

    public Path log() {
        return log;
    }

    /** Stops the process (SIGTERM, so it shuts down as in production), forcibly after 15 s. */
    @Override
    public void close() {
        stop(process);
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl() + ", log " + log + ")";
    }

    /** SIGTERM, so the app shuts down as in production; forcibly after 15 s. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a log, for failure messages. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
