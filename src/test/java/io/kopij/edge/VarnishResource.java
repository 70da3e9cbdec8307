package io.kopij.edge;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Varnish with the project's VCL (docker/varnish/default.vcl), when varnishd is installed (Debian packages
 * varnish and varnish-modules). It starts before the application, which is configured to purge it; the test then
 * points the VCL's backend at the application's port ({@link #useBackend}). Without varnishd nothing starts and
 * the test skips itself.
 */
public class VarnishResource implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "io.kopij.test.varnish-port";
    static final String DIR_PROPERTY = "io.kopij.test.varnish-dir";

    private Process varnish;
    private Path dir;

    /** varnishd on PATH or in /usr/sbin (where Debian puts it, often not on a user's PATH); null when absent. */
    static Path varnishd() {
        for (String entry : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "varnishd");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public Map<String, String> start() {
        Path varnishd = varnishd();
        if (varnishd == null) {
            return Map.of();
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            dir = Files.createTempDirectory("kopij-varnish");
            Path vcl = dir.resolve("start.vcl");
            Files.writeString(vcl, vcl(9)); // no backend yet: the application's port is not known before it starts
            varnish = new ProcessBuilder(varnishd.toString(), "-F", "-j", "none", "-n", dir.resolve("work").toString(),
                    "-a", "127.0.0.1:" + port, "-T", "127.0.0.1:0", "-f", vcl.toString(), "-s", "malloc,64m")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("varnishd.log").toFile()).start();
            Process started = varnish;
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> listening(port) || !started.isAlive());
            } catch (ConditionTimeoutException timeout) {
                // reported below
            }
            if (!listening(port)) {
                throw new IllegalStateException("varnishd did not start: " + Files.readString(dir.resolve("varnishd.log")));
            }
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            System.setProperty(DIR_PROPERTY, dir.toString());
            return Map.of("kopij.purge.varnish.urls", "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (varnish != null) {
            varnish.destroy();
            try {
                varnish.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            varnish.destroyForcibly();
        }
    }

    /** Loads the project's VCL with its backend pointed at the application (varnishadm vcl.load + vcl.use). */
    static void useBackend(int appPort) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY));
        Path vcl = dir.resolve("app-" + appPort + ".vcl");
        Files.writeString(vcl, vcl(appPort));
        String name = "app" + appPort + "_" + System.nanoTime();
        for (List<String> command : List.of(List.of("vcl.load", name, vcl.toString()), List.of("vcl.use", name))) {
            List<String> args = new java.util.ArrayList<>(List.of("varnishadm", "-n", dir.resolve("work").toString()));
            args.addAll(command);
            Process admin = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(admin.getInputStream().readAllBytes());
            if (admin.waitFor() != 0) {
                throw new IllegalStateException("varnishadm " + command + ": " + output);
            }
        }
    }

    /** The project's VCL with the backend on 127.0.0.1:port. */
    static String vcl(int port) throws IOException {
        String vcl = Files.readString(Path.of("docker/varnish/default.vcl"));
        return vcl.replace(".host = \"lb\";", ".host = \"127.0.0.1\";").replace(".port = \"8080\";", ".port = \"" + port + "\";");
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
