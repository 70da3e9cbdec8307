package io.kopij.devservices.keycloak;

import io.kopij.devservices.keycloak.KeycloakRunFiles.HomeLock;
import io.kopij.devservices.keycloak.KeycloakRunFiles.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Starts and stops a local Keycloak server from an unpacked {@code keycloak-quarkus-dist} (no Docker), with a realm
 * imported from a JSON file. Used by dev mode and tests, never in production; plain Java, no CDI. The parts:
 * {@link KeycloakProcesses} (command, environment, stopping process trees), {@link KeycloakRunFiles} (pid file,
 * start lock), {@link RealmImport} (re-import when the realm file changes) and {@link KeycloakReadiness}.
 *
 * <h2>Instances and files</h2>
 * One Keycloak home can run several instances at once (for example {@code dev} on port 8180 while tests use a
 * random port). Each instance has its own H2 database and state under {@code <home>/data/kopij-<instance>/}
 * ({@code h2/}, {@code realm.sha256}, {@code keycloak.pid}) and its own log {@code <home>/keycloak-<instance>.log}.
 * The instances share the home's jars, the build (augmentation) state and {@code data/import}. Every start uses
 * identical build-time options, so the one-off build step only runs on the first start of a fresh unpack; starts
 * of one home are serialized with a file lock so two first starts cannot build at the same time.
 *
 * <h2>Reuse</h2>
 * {@link #shared} / {@link #sharedAsync} hand out one running server per instance and JVM, also across Quarkus
 * restarts and dev-mode live reloads (new class loaders, so static fields are lost): the pid file records the
 * owning JVM, and the system property {@code io.kopij.keycloak.running-url.<instance>} holds the base URL while this
 * JVM runs it. A shared server is stopped by a JVM shutdown hook; do not stop it on application shutdown. A server
 * left running by a JVM that died (kill -9) is stopped before a new one starts.
 */
public final class KeycloakServer {

    /** Prefix of the system property that holds the base URL of an instance this JVM runs. */
    public static final String RUNNING_URL_PROPERTY = "io.kopij.keycloak.running-url.";

    /** JVM options that roughly halve start-up time on small machines; Keycloak's own JAVA_OPTS stay in place. */
    public static final String FAST_START_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:-UseG1GC -XX:+UseSerialGC";

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final Map<Path, CompletableFuture<KeycloakServer>> SHARED = new ConcurrentHashMap<>();

    private final KeycloakServerConfig config;
    private final String realm;
    private final Path instanceDir;
    private final Path pidFile;
    private final Path markerFile;
    private final Path logFile;
    private volatile int httpPort;
    private volatile int managementPort;
    private volatile ProcessHandle process;
    private volatile String realmHash;
    private volatile boolean ready;
    private volatile Thread shutdownHook;

    private KeycloakServer(KeycloakServerConfig config) {
        this.config = config;
        this.realm = RealmImport.realmName(config.realmFile());
        this.instanceDir = instanceDir(config);
        this.pidFile = instanceDir.resolve("keycloak.pid");
        this.markerFile = instanceDir.resolve("realm.sha256");
        this.logFile = config.home().resolve("keycloak-" + config.instance() + ".log");
        this.httpPort = config.httpPort();
        this.managementPort = config.managementPort();
    }

    /** A new, not yet started server. Most callers want {@link #shared}. */
    public static KeycloakServer create(KeycloakServerConfig config) {
        return new KeycloakServer(config);
    }

    /**
     * The running server of this configuration's instance, started if needed (blocking until ready). Repeated calls
     * in one JVM, also from other class loaders, return the same process. A server whose realm file or ports changed
     * is restarted.
     */
    public static KeycloakServer shared(KeycloakServerConfig config) {
        try {
            return sharedAsync(config).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Like {@link #shared}, but starts in the background; the future completes when Keycloak is ready. */
    public static CompletableFuture<KeycloakServer> sharedAsync(KeycloakServerConfig config) {
        Path key = instanceDir(config);
        synchronized (SHARED) {
            CompletableFuture<KeycloakServer> existing = SHARED.get(key);
            if (existing != null && !existing.isCompletedExceptionally()) {
                if (!existing.isDone()) {
                    return existing; // still starting
                }
                KeycloakServer server = existing.join();
                if (server.isAlive() && server.matches(config)) {
                    return existing;
                }
                server.stop();
            }
            KeycloakServer server = new KeycloakServer(config);
            CompletableFuture<KeycloakServer> future = server.runAsync(server::startOrAttach);
            SHARED.put(key, future);
            return future;
        }
    }

    /**
     * Starts Keycloak and blocks until it is ready. A server of the same instance left running by a JVM that died is
     * stopped first; one owned by this JVM (for example before a live reload) is stopped too. Use {@link #shared}
     * to reuse it instead.
     *
     * @throws IllegalStateException when the instance is in use by another live JVM, a port is taken, or Keycloak does
     *                               not become ready within the timeout (the message carries the log's tail)
     */
    @SuppressWarnings("try") // the lock is only held
    public KeycloakServer start() {
        try (HomeLock lock = HomeLock.acquire(config.home(), config.startTimeout())) {
            synchronized (instanceMonitor()) {
                if (process != null && process.isAlive()) {
                    return this;
                }
                RunState previous = KeycloakRunFiles.readPidFile(pidFile, config);
                if (previous != null && previous.alive()) {
                    if (previous.ownerAlive() && previous.ownerPid != ProcessHandle.current().pid()) {
                        throw new IllegalStateException("Keycloak instance '" + config.instance() + "' of "
                                + config.home() + " is in use by another JVM (pid " + previous.ownerPid
                                + ", Keycloak pid " + previous.pid + ", port " + previous.httpPort
                                + "); stop that one or use another instance name");
                    }
                    LOG.infof("Stopping Keycloak %s left running from %s (pid %d)", config.instance(),
                            config.home(), previous.pid);
                    KeycloakProcesses.destroyTree(previous.handles(), config.stopTimeout());
                    deleteQuietly(pidFile);
                }
                launch();
            }
            awaitReady();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Keycloak on a background thread; the future completes with this server when it is ready. */
    public CompletableFuture<KeycloakServer> startAsync() {
        return runAsync(this::start);
    }

    /** Stops the process tree (SIGTERM, then SIGKILL after the stop timeout) and waits for it to end. */
    public void stop() {
        ProcessHandle handle = process;
        ready = false;
        if (handle != null) {
            LOG.infof("Stopping Keycloak %s (pid %d)", config.instance(), handle.pid());
            KeycloakProcesses.destroyTree(KeycloakProcesses.treeOf(handle), config.stopTimeout());
        }
        process = null;
        if (handle != null) {
            RunState state = KeycloakRunFiles.readPidFile(pidFile, config);
            if (state != null && state.pid == handle.pid()) {
                deleteQuietly(pidFile);
            }
            if (url().equals(System.getProperty(RUNNING_URL_PROPERTY + config.instance()))) {
                System.clearProperty(RUNNING_URL_PROPERTY + config.instance());
            }
        }
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran already
            }
        }
        synchronized (SHARED) {
            CompletableFuture<KeycloakServer> shared = SHARED.get(instanceDir);
            if (shared != null && shared.isDone() && !shared.isCompletedExceptionally() && shared.join() == this) {
                SHARED.remove(instanceDir);
            }
        }
    }

    /** Whether Keycloak answered its readiness probes; stays false while it starts. */
    public boolean isReady() {
        return ready && isAlive();
    }

    /** Whether the Keycloak process runs. */
    public boolean isAlive() {
        ProcessHandle handle = process;
        return handle != null && handle.isAlive();
    }

    /** Base URL, for example {@code http://localhost:8180}. */
    public String url() {
        return "http://localhost:" + httpPort;
    }

    /** The realm's URL and token issuer, for example {@code http://localhost:8180/realms/cms}. */
    public String realmUrl() {
        return url() + "/realms/" + realm;
    }

    /** The realm's token endpoint. */
    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String realm() {
        return realm;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Pid of the launched {@code kc.sh} (parent of the Keycloak JVM), or -1. */
    public long pid() {
        ProcessHandle handle = process;
        return handle == null ? -1 : handle.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public KeycloakServerConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + config.instance() + ", " + url() + ", pid " + pid() + "]";
    }

    private KeycloakServer startOrAttach() {
        synchronized (instanceMonitor()) {
            RunState previous = KeycloakRunFiles.readPidFile(pidFile, config);
            if (previous != null && previous.alive() && previous.ownerPid == ProcessHandle.current().pid()
                    && previous.matches(config, RealmImport.sha256(config.realmFile()))) {
                httpPort = previous.httpPort;
                managementPort = previous.managementPort;
                realmHash = previous.realmHash;
                process = ProcessHandle.of(previous.pid).orElseThrow();
                LOG.infof("Reusing Keycloak %s at %s (pid %d)", config.instance(), url(), previous.pid);
            }
        }
        if (process == null) {
            return start();
        }
        awaitReady(); // it may still be starting, launched before a live reload
        return this;
    }

    /** Whether this running server can serve {@code other}: same settings, ports (0 = any) and realm content. */
    private boolean matches(KeycloakServerConfig other) {
        return config.home().equals(other.home()) && config.realmFile().equals(other.realmFile())
                && config.instance().equals(other.instance())
                && (other.httpPort() == 0 || other.httpPort() == httpPort)
                && (other.managementPort() == 0 || other.managementPort() == managementPort)
                && config.javaOpts().equals(other.javaOpts()) && config.extraArgs().equals(other.extraArgs())
                && Objects.equals(realmHash, RealmImport.sha256(other.realmFile()));
    }

    private void launch() {
        httpPort = config.httpPort() == 0 ? KeycloakProcesses.freePort()
                : KeycloakProcesses.requireFree(config.httpPort(), "HTTP");
        managementPort = config.managementPort() == 0 ? KeycloakProcesses.freePort()
                : KeycloakProcesses.requireFree(config.managementPort(), "management");
        try {
            Files.createDirectories(instanceDir);
            realmHash = RealmImport.prepare(config, instanceDir, markerFile);
            LOG.infof("Starting Keycloak %s at http://localhost:%d (realm %s, log %s)", config.instance(), httpPort,
                    realm, logFile);
            process = KeycloakProcesses.launch(config, instanceDir, logFile, httpPort, managementPort).toHandle();
            ready = false;
            writePidFile();
            shutdownHook = KeycloakProcesses.stopOnExit(process, config.stopTimeout(), pidFile, config.instance());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + config.home(), e);
        }
    }

    private void awaitReady() {
        try {
            KeycloakReadiness.await(config.instance(), httpPort, managementPort, realm, realmUrl(),
                    config.startTimeout(), this::isAlive, logFile);
        } catch (KeycloakReadiness.NotReadyException e) {
            stop();
            throw e;
        }
        try {
            Files.writeString(markerFile, realmHash + "\n");
            writePidFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(RUNNING_URL_PROPERTY + config.instance(), url());
        ready = true;
        LOG.infof("Keycloak %s ready at %s", config.instance(), realmUrl());
    }

    private void writePidFile() throws IOException {
        KeycloakRunFiles.writePidFile(pidFile, process, config, httpPort, managementPort, realmHash, url());
    }

    private CompletableFuture<KeycloakServer> runAsync(Supplier<KeycloakServer> task) {
        CompletableFuture<KeycloakServer> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(task.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "keycloak-start-" + config.instance());
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** A monitor shared by all class loaders of this JVM (interned strings are JVM-wide). */
    private Object instanceMonitor() {
        return ("io.kopij.keycloak:" + instanceDir).intern();
    }

    private static Path instanceDir(KeycloakServerConfig config) {
        return config.home().resolve("data").resolve("kopij-" + config.instance());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
