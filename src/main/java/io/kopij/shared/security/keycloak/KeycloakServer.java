package io.kopij.shared.security.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Starts and stops a local Keycloak server from an unpacked {@code keycloak-quarkus-dist} (no Docker), with a realm
 * imported from a JSON file. Used by dev mode and tests; plain Java, no CDI.
 *
 * <h2>Instances and files</h2>
 * One Keycloak home can run several instances at once (for example {@code dev} on port 8180 while tests use a
 * random port). Each instance has its own H2 database and state under {@code <home>/data/kopij-<instance>/}
 * ({@code h2/}, {@code realm.sha256}, {@code keycloak.pid}) and its own log {@code <home>/keycloak-<instance>.log}.
 * The instances share the home's jars, the build (augmentation) state and {@code data/import}. Every start uses
 * identical build-time options, so the one-off build step only runs on the first start of a fresh unpack; starts
 * of one home are serialized with a file lock so two first starts cannot build at the same time.
 *
 * <h2>Realm</h2>
 * Keycloak does not re-import an existing realm. When the realm file's SHA-256 differs from the one recorded at
 * the last successful import, the instance's database is wiped, so the realm is imported afresh.
 *
 * <h2>Reuse</h2>
 * {@link #shared(Config)} / {@link #sharedAsync(Config)} hand out one running server per instance and JVM, also
 * across Quarkus restarts and dev-mode live reloads (new class loaders, so static fields are lost): the pid file
 * records the owning JVM, and the system property {@code io.kopij.keycloak.running-url.<instance>} holds the base URL
 * while this JVM runs it. A shared server is stopped by a JVM shutdown hook; do not stop it on application
 * shutdown. A server left running by a JVM that died (kill -9) is stopped before a new one starts.
 */
public final class KeycloakServer {

    /** Prefix of the system property that holds the base URL of an instance this JVM runs. */
    public static final String RUNNING_URL_PROPERTY = "io.kopij.keycloak.running-url.";

    /**
     * JVM options that roughly halve start-up time on small machines; Keycloak's own JAVA_OPTS stay in place.
     */
    public static final String FAST_START_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:-UseG1GC -XX:+UseSerialGC";

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final Pattern REALM_NAME = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<Path, CompletableFuture<KeycloakServer>> SHARED = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Config config;
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

    private KeycloakServer(Config config) {
        this.config = config;
        this.realm = realmName(config.realmFile());
        this.instanceDir = config.home().resolve("data").resolve("kopij-" + config.instance());
        this.pidFile = instanceDir.resolve("keycloak.pid");
        this.markerFile = instanceDir.resolve("realm.sha256");
        this.logFile = config.home().resolve("keycloak-" + config.instance() + ".log");
        this.httpPort = config.httpPort();
        this.managementPort = config.managementPort();
    }

    // ------------------------------------------------------------------ factory methods

    /** A configuration builder; {@code home} is the unpacked Keycloak distribution, {@code realmFile} the realm JSON. */
    public static Config.Builder config(Path home, Path realmFile) {
        return new Config.Builder(home, realmFile);
    }

    /** A new, not yet started server. Most callers want {@link #shared(Config)}. */
    public static KeycloakServer create(Config config) {
        return new KeycloakServer(config);
    }

    /**
     * The running server of this configuration's instance, started if needed (blocking until ready). Repeated calls
     * in one JVM, also from other class loaders, return the same process. A server whose realm file or ports changed
     * is restarted.
     */
    public static KeycloakServer shared(Config config) {
        return join(sharedAsync(config));
    }

    /** Like {@link #shared(Config)}, but starts in the background; the future completes when Keycloak is ready. */
    public static CompletableFuture<KeycloakServer> sharedAsync(Config config) {
        Path key = config.home().resolve("data").resolve("kopij-" + config.instance());
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

    // ------------------------------------------------------------------ lifecycle

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
                RunState previous = readPidFile();
                if (previous != null && previous.alive()) {
                    if (previous.ownerAlive() && previous.ownerPid != ProcessHandle.current().pid()) {
                        throw inUseByOtherJvm(previous);
                    }
                    LOG.infof("Stopping Keycloak %s left running from %s (pid %d)", config.instance(),
                            config.home(), previous.pid);
                    destroyTree(previous.handles(), config.stopTimeout());
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

    /**
     * Stops the process tree (SIGTERM, then SIGKILL after the stop timeout) and waits for it to end. Harmless when not
     * running.
     */
    public void stop() {
        ProcessHandle handle = process;
        ready = false;
        if (handle != null) {
            LOG.infof("Stopping Keycloak %s (pid %d)", config.instance(), handle.pid());
            destroyTree(treeOf(handle), config.stopTimeout());
        }
        process = null;
        if (handle != null) {
            RunState state = readPidFile();
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

    public Config config() {
        return config;
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + config.instance() + ", " + url() + ", pid " + pid() + "]";
    }

    // ------------------------------------------------------------------ start, attach

    private KeycloakServer startOrAttach() {
        synchronized (instanceMonitor()) {
            RunState previous = readPidFile();
            if (previous != null && previous.alive() && previous.ownerPid == ProcessHandle.current().pid()
                    && previous.matches(config, sha256(config.realmFile()))) {
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
    private boolean matches(Config other) {
        return config.home().equals(other.home()) && config.realmFile().equals(other.realmFile())
                && config.instance().equals(other.instance())
                && (other.httpPort() == 0 || other.httpPort() == httpPort)
                && (other.managementPort() == 0 || other.managementPort() == managementPort)
                && config.javaOpts().equals(other.javaOpts()) && config.extraArgs().equals(other.extraArgs())
                && Objects.equals(realmHash, sha256(other.realmFile()));
    }

    private void launch() {
        Path home = config.home();
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (missing bin/kc.sh); "
                    + "unpack org.keycloak:keycloak-quarkus-dist there first");
        }
        kcSh.toFile().setExecutable(true);
        httpPort = config.httpPort() == 0 ? freePort() : requireFree(config.httpPort(), "HTTP");
        managementPort = config.managementPort() == 0 ? freePort() : requireFree(config.managementPort(),
                "management");
        try {
            Files.createDirectories(instanceDir);
            prepareRealm();
            List<String> command = command(kcSh);
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
            LOG.infof("Starting Keycloak %s at http://localhost:%d (realm %s, log %s)", config.instance(), httpPort,
                    realm, logFile);
            LOG.debugf("Keycloak command: %s", command);
            Process started = builder.start();
            process = started.toHandle();
            ready = false;
            writePidFile();
            registerShutdownHook(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    private List<String> command(Path kcSh) {
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

    /** Wipes the instance's database when the realm file changed since the last import; stages the realm file. */
    private void prepareRealm() throws IOException {
        byte[] content = Files.readAllBytes(config.realmFile());
        realmHash = sha256(content);
        String imported = Files.exists(markerFile) ? Files.readString(markerFile).trim() : "";
        Path h2 = instanceDir.resolve("h2");
        if (!realmHash.equals(imported)) {
            if (Files.exists(h2)) {
                LOG.infof("Realm file %s changed since the last import: wiping Keycloak database %s",
                        config.realmFile(), h2);
            }
            Files.deleteIfExists(markerFile);
            deleteRecursively(h2);
        }
        Path importDir = config.home().resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Path target = importDir.resolve(config.realmFile().getFileName());
        if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
            writeAtomically(target, content);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        URI discovery = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + realm
                + "/.well-known/openid-configuration");
        String expectedIssuer = "\"issuer\":\"" + realmUrl() + "\"";
        while (true) {
            ProcessHandle handle = process;
            if (handle == null || !handle.isAlive()) {
                throw new IllegalStateException("Keycloak " + config.instance() + " exited before it became ready; "
                        + "log " + logFile + ":\n" + logTail(60));
            }
            if (get(health).map(body -> body.contains("UP")).orElse(false)
                    && get(discovery).map(body -> body.replace(" ", "").contains(expectedIssuer)).orElse(false)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                String tail = logTail(60);
                stop();
                throw new IllegalStateException("Keycloak " + config.instance() + " was not ready at " + discovery
                        + " within " + config.startTimeout().toSeconds() + " s; log " + logFile + ":\n" + tail);
            }
            sleep(250);
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

    // ------------------------------------------------------------------ process handling

    private void registerShutdownHook(ProcessHandle root) {
        long timeoutMillis = config.stopTimeout().toMillis();
        Path pid = pidFile;
        // Only JDK classes in the hook: in dev mode this class loader may be closed by the time it runs.
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
                Files.deleteIfExists(pid);
            } catch (IOException ignored) {
                // best effort
            }
        }, "keycloak-stop-" + config.instance());
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    private static List<ProcessHandle> treeOf(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /** SIGTERM to every process of the tree (kc.sh forwards it to its JVM), then SIGKILL what is left. */
    private static void destroyTree(List<ProcessHandle> tree, Duration timeout) {
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

    private void writePidFile() throws IOException {
        ProcessHandle root = process;
        Properties props = new Properties();
        props.setProperty("ownerPid", Long.toString(ProcessHandle.current().pid()));
        props.setProperty("pid", Long.toString(root.pid()));
        StringBuilder children = new StringBuilder();
        root.descendants().forEach(d -> children.append(children.length() == 0 ? "" : ",").append(d.pid()));
        props.setProperty("childPids", children.toString());
        props.setProperty("home", config.home().toString());
        props.setProperty("httpPort", Integer.toString(httpPort));
        props.setProperty("managementPort", Integer.toString(managementPort));
        props.setProperty("realmSha256", realmHash);
        props.setProperty("extraArgs", String.join("\u0001", config.extraArgs()));
        props.setProperty("javaOpts", config.javaOpts());
        props.setProperty("url", url());
        StringWriter out = new StringWriter();
        props.store(out, "Keycloak started by io.kopij KeycloakServer");
        writeAtomically(pidFile, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private RunState readPidFile() {
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pidFile)) {
            Properties props = new Properties();
            props.load(in);
            RunState state = new RunState();
            state.ownerPid = Long.parseLong(props.getProperty("ownerPid", "-1"));
            state.pid = Long.parseLong(props.getProperty("pid", "-1"));
            for (String child : props.getProperty("childPids", "").split(",")) {
                if (!child.isBlank()) {
                    state.childPids.add(Long.parseLong(child.trim()));
                }
            }
            state.home = config.home().toString();
            state.httpPort = Integer.parseInt(props.getProperty("httpPort", "0"));
            state.managementPort = Integer.parseInt(props.getProperty("managementPort", "0"));
            state.realmHash = props.getProperty("realmSha256", "");
            state.extraArgs = props.getProperty("extraArgs", "");
            state.javaOpts = props.getProperty("javaOpts", "");
            return state;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring unreadable Keycloak pid file %s: %s", pidFile, e);
            return null;
        }
    }

    private IllegalStateException inUseByOtherJvm(RunState state) {
        return new IllegalStateException("Keycloak instance '" + config.instance() + "' of " + config.home()
                + " is in use by another JVM (pid " + state.ownerPid + ", Keycloak pid " + state.pid + ", port "
                + state.httpPort + "); stop that one or use another instance name");
    }

    /** What a pid file says about a server started earlier. */
    private static final class RunState {
        long ownerPid;
        long pid;
        List<Long> childPids = new ArrayList<>();
        String home;
        int httpPort;
        int managementPort;
        String realmHash;
        String extraArgs;
        String javaOpts;

        /** Processes of the pid file that still run and are Keycloak processes of this home (guards pid reuse). */
        List<ProcessHandle> handles() {
            List<ProcessHandle> handles = new ArrayList<>();
            Stream.concat(Stream.of(pid), childPids.stream())
                    .map(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false))
                    .forEach(handles::add);
            return handles;
        }

        boolean alive() {
            return !handles().isEmpty();
        }

        boolean ownerAlive() {
            return ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().command().map(c -> c.contains("java")).orElse(true))
                    .orElse(false);
        }

        boolean matches(Config config, String currentRealmHash) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && (config.httpPort() == 0 || config.httpPort() == httpPort)
                    && (config.managementPort() == 0 || config.managementPort() == managementPort)
                    && currentRealmHash.equals(realmHash)
                    && String.join("\u0001", config.extraArgs()).equals(extraArgs)
                    && config.javaOpts().equals(javaOpts);
        }
    }

    /** Serializes starts of one Keycloak home across JVMs (file lock) and threads (retry on overlap). */
    private static final class HomeLock implements AutoCloseable {
        private final RandomAccessFile file;
        private final FileLock lock;

        private HomeLock(RandomAccessFile file, FileLock lock) {
            this.file = file;
            this.lock = lock;
        }

        static HomeLock acquire(Path home, Duration timeout) throws IOException {
            Path path = home.resolve("data").resolve("kopij-start.lock");
            Files.createDirectories(path.getParent());
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean logged = false;
            while (true) {
                RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
                try {
                    FileLock lock = file.getChannel().tryLock();
                    if (lock != null) {
                        return new HomeLock(file, lock);
                    }
                } catch (OverlappingFileLockException sameJvm) {
                    // another thread of this JVM is starting an instance of this home
                }
                file.close();
                if (!logged) {
                    LOG.infof("Waiting for another Keycloak of %s to finish starting", home);
                    logged = true;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out waiting for the start lock " + path);
                }
                sleep(500);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                file.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A monitor shared by all class loaders of this JVM (interned strings are JVM-wide). */
    private Object instanceMonitor() {
        return ("io.kopij.keycloak:" + instanceDir).intern();
    }

    private static Optional<String> get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    @SuppressWarnings("try")
    private static int requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak " + what + " port " + port + " is in use on 127.0.0.1", e);
        }
    }

    private static String realmName(Path realmFile) {
        try {
            Matcher m = REALM_NAME.matcher(Files.readString(realmFile));
            if (!m.find()) {
                throw new IllegalArgumentException("No \"realm\" name in " + realmFile);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read realm file " + realmFile, e);
        }
    }

    private static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(content);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static KeycloakServer join(CompletableFuture<KeycloakServer> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ configuration

    /**
     * What to run.
     *
     * @param home           the unpacked distribution, for example {@code .kopij/keycloak-26.5.6}
     * @param realmFile      realm JSON to import, for example {@code docker/keycloak/realm-cms.json}
     * @param instance       name of the data location; each running server of one home needs its own
     * @param httpPort       HTTP port on 127.0.0.1; 0 picks a free one
     * @param managementPort management (health) port on 127.0.0.1; 0 picks a free one
     * @param startTimeout   how long to wait for readiness (the first start of a fresh unpack builds: minutes)
     * @param stopTimeout    how long to wait after SIGTERM before SIGKILL
     * @param javaOpts       JAVA_OPTS_APPEND for the Keycloak JVM
     * @param adminUser      temporary master-realm admin created on a fresh database, or null for none
     * @param adminPassword  its password
     * @param extraArgs      further <em>runtime</em> options for {@code kc.sh start-dev}
     */
    public record Config(Path home, Path realmFile, String instance, int httpPort, int managementPort,
                         Duration startTimeout, Duration stopTimeout, String javaOpts, String adminUser,
                         String adminPassword, List<String> extraArgs) {

        public Config {
            home = home.toAbsolutePath().normalize();
            try {
                if (Files.exists(home)) {
                    home = home.toRealPath(); // kc.sh resolves symlinks; the pid check compares command lines
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            realmFile = realmFile.toAbsolutePath().normalize();
            if (!instance.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("Instance name must be [A-Za-z0-9_.-]+: " + instance);
            }
            extraArgs = List.copyOf(extraArgs);
            Objects.requireNonNull(startTimeout);
            Objects.requireNonNull(stopTimeout);
            Objects.requireNonNull(javaOpts);
        }

        Config withPorts(int http, int management) {
            return new Config(home, realmFile, instance, http, management, startTimeout, stopTimeout, javaOpts,
                    adminUser, adminPassword, extraArgs);
        }

        /** Builder with the defaults: instance {@code dev}, port 8180, management port 9180, admin/admin. */
        public static final class Builder {
            private final Path home;
            private final Path realmFile;
            private String instance = "dev";
            private int httpPort = 8180;
            private int managementPort = 9180;
            private Duration startTimeout = Duration.ofMinutes(6);
            private Duration stopTimeout = Duration.ofSeconds(20);
            private String javaOpts = FAST_START_JAVA_OPTS;
            private String adminUser = "admin";
            private String adminPassword = "admin";
            private List<String> extraArgs = List.of();

            Builder(Path home, Path realmFile) {
                this.home = home;
                this.realmFile = realmFile;
            }

            public Builder instance(String instance) {
                this.instance = instance;
                return this;
            }

            public Builder httpPort(int httpPort) {
                this.httpPort = httpPort;
                return this;
            }

            public Builder managementPort(int managementPort) {
                this.managementPort = managementPort;
                return this;
            }

            public Builder startTimeout(Duration startTimeout) {
                this.startTimeout = startTimeout;
                return this;
            }

            public Builder stopTimeout(Duration stopTimeout) {
                this.stopTimeout = stopTimeout;
                return this;
            }

            public Builder javaOpts(String javaOpts) {
                this.javaOpts = javaOpts;
                return this;
            }

            public Builder admin(String user, String password) {
                this.adminUser = user;
                this.adminPassword = password;
                return this;
            }

            public Builder extraArgs(List<String> extraArgs) {
                this.extraArgs = extraArgs;
                return this;
            }

            public Config build() {
                return new Config(home, realmFile, instance, httpPort, managementPort, startTimeout, stopTimeout,
                        javaOpts, adminUser, adminPassword, extraArgs);
            }
        }
    }
}
