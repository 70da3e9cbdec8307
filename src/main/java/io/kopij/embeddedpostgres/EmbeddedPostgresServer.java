package io.kopij.embeddedpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per data directory and JVM.
 *
 * <p>Quarkus dev mode reloads application classes in a fresh class loader, and the test framework restarts the
 * application between test profiles, so a static field would not survive: the running server's URL is kept in a
 * system property instead, and a JVM shutdown hook stops it. A server left behind by a JVM that was killed
 * ({@code kill -9}) outlives it; it is found through {@code postmaster.pid} and stopped before a new start.
 */
final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    /** Interned, hence the same monitor in every class loader of this JVM. */
    private static final String LOCK = "io.kopij.embedded-postgres.lock".intern();
    private static final String URL_PROPERTY_PREFIX = "io.kopij.embedded-postgres.url.";

    private EmbeddedPostgresServer() {
    }

    static String jdbcUrl(Optional<Path> dataDir, int port) {
        String key = URL_PROPERTY_PREFIX + dataDir.map(d -> d.toAbsolutePath().normalize().toString()).orElse("ephemeral");
        synchronized (LOCK) {
            String running = System.getProperty(key);
            if (running != null) {
                return running;
            }
            String url = start(dataDir, port);
            System.setProperty(key, url);
            return url;
        }
    }

    private static String start(Optional<Path> configuredDataDir, int port) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            if (configuredDataDir.isPresent()) {
                Path dataDir = configuredDataDir.get().toAbsolutePath().normalize();
                Files.createDirectories(dataDir.getParent());
                stopOrphan(dataDir);
                // Kept between runs: no initdb over an existing cluster, no deletion on close, and durable writes
                // (zonky turns fsync off unless told otherwise, which is right only for throw-away databases).
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false).setServerConfig("fsync", "on");
            } else {
                builder.setCleanDataDirectory(true);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "kopij-embedded-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Embedded PostgreSQL started in %d ms on port %d (data: %s)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), postgres.getPort(),
                    configuredDataDir.map(Path::toString).orElse("temporary"));
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL. Configure "
                    + "quarkus.datasource.jdbc.url to use an existing PostgreSQL instead.", e);
        }
    }

    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping PostgreSQL %d left running on %s by an earlier process", pid, dataDir);
        ProcessHandle process = orphan.get();
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}
