package io.kopij.media;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 protocol server for the tests of the S3 media store: S3Proxy (its all-in-one jar from Maven Central,
 * copied to target/s3proxy by the build) in its own JVM, on a free port of 127.0.0.1, over a filesystem blob
 * store, with AWS signature checking on. Its Guice and Jetty do not mix with Quarkus' test class path, hence the
 * separate process; it is stopped after the profile that uses it (and by a shutdown hook if the run is killed).
 */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "kopij-media-test";
    private static final String ACCESS_KEY = "kopij-test-access";
    private static final String SECRET_KEY = "kopij-test-secret";

    private Process process;
    private Thread shutdownHook;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("io.kopij.test.s3proxy-jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven, which copies it");
        }
        try {
            Path home = Path.of("target", "s3proxy").toAbsolutePath();
            Path data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve(BUCKET)); // a directory of the filesystem store is a bucket
            int port = freePort();
            Path properties = home.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=local",
                    "jclouds.credential=local",
                    "jclouds.filesystem.basedir=" + data) + "\n");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(), "--properties",
                    properties.toString()))
                    .redirectErrorStream(true).redirectOutput(home.resolve("s3proxy.log").toFile()).start();
            shutdownHook = new Thread(process::destroyForcibly, "s3proxy-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> accepts(port) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited; see " + home.resolve("s3proxy.log"));
            }
            return Map.of(
                    "kopij.media.storage.type", "s3",
                    "kopij.media.storage.s3.bucket", BUCKET,
                    "kopij.media.storage.s3.endpoint", "http://127.0.0.1:" + port,
                    "kopij.media.storage.s3.path-style", "true",
                    "kopij.media.storage.s3.access-key-id", ACCESS_KEY,
                    "kopij.media.storage.s3.secret-access-key", SECRET_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
