package io.kopij.devservices.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Process supervision for Keycloak: the {@code kc.sh start-dev} command with options that stay identical between
 * starts (or Keycloak rebuilds itself), a clean environment, and stopping a whole process tree (kc.sh and its
 * JVM), also from a JVM shutdown hook.
 */
final class KeycloakProcesses {

    private static final Logger LOG = Logger.getLogger(KeycloakProcesses.class);

    private KeycloakProcesses() {
    }

    /** Starts {@code kc.sh start-dev} with its output in {@code logFile}. */
    static Process launch(KeycloakServerConfig config, Path instanceDir, Path logFile, int httpPort,
            int managementPort) throws IOException {
        Path home = config.home();
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (missing bin/kc.sh); "
                    + "unpack org.keycloak:keycloak-quarkus-dist there first");
        }
        kcSh.toFile().setExecutable(true);
        List<String> command = command(kcSh, config, instanceDir, httpPort, managementPort);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // Keycloak is a Quarkus app too: this JVM's Quarkus/Keycloak settings must not leak into it, and build-time
        // options must stay identical between starts or Keycloak rebuilds itself.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || name.equals("JAVA_OPTS") || name.equals("JAVA_OPTS_KC_HEAP") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("_JAVA_OPTIONS") || name.equals("JAVA") || name.equals("DEBUG"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", config.javaOpts());
        if (config.adminUser() != null) {
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUser());
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword());
        }
        LOG.debugf("Keycloak command: %s", command);
        return builder.start();
    }

    private static List<String> command(Path kcSh, KeycloakServerConfig config, Path instanceDir, int httpPort,
            int managementPort) {
        List<String> command = new ArrayList<>(List.of(
                kcSh.toString(),
                "start-dev",
                "--import-realm",
                // build-time options: identical on every start
                "--health-enabled=true",
                // runtime options
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--hostname=http://localhost:" + httpPort,
                "--http-management-port=" + managementPort,
                "--db-url=jdbc:h2:file:" + instanceDir.resolve("h2").resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0",
                "--log-console-color=false"));
        command.addAll(config.extraArgs());
        return command;
    }

    /** Stops the tree when this JVM exits. Only JDK classes: in dev mode this class loader may be closed by then. */
    static Thread stopOnExit(ProcessHandle root, Duration timeout, Path pidFile, String name) {
        long timeoutMillis = timeout.toMillis();
        Thread hook = new Thread(() -> {
            if (!root.isAlive()) {
                return;
            }
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(root);
            root.descendants().forEach(tree::add);
            tree.forEach(ProcessHandle::destroy);
            long end = System.currentTimeMillis() + timeoutMillis;
            for (ProcessHandle p : tree) {
                try {
                    p.onExit().get(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            }
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
        }, "keycloak-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static List<ProcessHandle> treeOf(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /** SIGTERM to every process of the tree (kc.sh forwards it to its JVM), then SIGKILL what is left. */
    static void destroyTree(List<ProcessHandle> tree, Duration timeout) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle p : tree) {
            if (!all.contains(p)) {
                all.add(p);
                p.descendants().filter(d -> !all.contains(d)).forEach(all::add);
            }
        }
        all.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("Keycloak process %d did not end", p.pid());
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    @SuppressWarnings("try")
    static int requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak " + what + " port " + port + " is in use on 127.0.0.1", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}
