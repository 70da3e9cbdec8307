package io.kopij.embeddedpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per data directory and JVM.
 *
 * <p>Quarkus dev mode reloads application classes in a fresh class loader, and the test framework restarts the
 * application between test profiles, so a static field would not survive: the running server's connection
 * settings are kept in system properties instead, and a JVM shutdown hook stops it. A server left behind by a JVM
 * that was killed ({@code kill -9}) outlives it; it is found through {@code postmaster.pid} and stopped before a new
 * start — but only when the Kopij that started it is gone (see {@link DataDirectoryOwner}).
 *
 * <p>A persistent data directory is a real database: durable commits and password authentication (the password is
 * generated once and kept with the data, readable by its owner only; see {@link EmbeddedPostgresCredentials}).
 * Throw-away instances for tests keep zonky's fast settings.
 */
final class EmbeddedPostgresServer {

    /** How a client connects to the running server. */
    record Endpoint(String url, String user, String password) {
    }

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    /** Interned, hence the same monitor in every class loader of this JVM. */
    private static final String LOCK = "io.kopij.embedded-postgres.lock".intern();
    private static final String PROPERTY_PREFIX = "io.kopij.embedded-postgres.";
    private static final String USER = "postgres";

    private EmbeddedPostgresServer() {
    }

    static Endpoint endpoint(Optional<Path> dataDir, int port) {
        String key = dataDir.map(d -> d.toAbsolutePath().normalize().toString()).orElse("ephemeral");
        synchronized (LOCK) {
            String running = System.getProperty(PROPERTY_PREFIX + "url." + key);
            if (running != null) {
                return new Endpoint(running, USER, System.getProperty(PROPERTY_PREFIX + "password." + key));
            }
            Endpoint endpoint = start(dataDir, port);
            System.setProperty(PROPERTY_PREFIX + "url." + key, endpoint.url());
            if (endpoint.password() != null) {
                System.setProperty(PROPERTY_PREFIX + "password." + key, endpoint.password());
            }
            return endpoint;
        }
    }

    private static Endpoint start(Optional<Path> configuredDataDir, int port) {
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
            String password = null;
            Path dataDir = null;
            if (configuredDataDir.isPresent()) {
                dataDir = configuredDataDir.get().toAbsolutePath().normalize();
                Files.createDirectories(dataDir.getParent());
                DataDirectoryOwner.stopOrphan(dataDir);
                password = EmbeddedPostgresCredentials.password(dataDir);
                // Kept between runs: no initdb over an existing cluster, no deletion on close, and durable writes
                // (zonky turns fsync and synchronous commits off, which is right only for throw-away databases).
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setConnectConfig("password", password);
            } else {
                builder.setCleanDataDirectory(true);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "kopij-embedded-postgres-stop"));
            String url = postgres.getJdbcUrl(USER, "postgres");
            if (dataDir != null) {
                DataDirectoryOwner.claim(dataDir);
                EmbeddedPostgresCredentials.requirePassword(dataDir, url, USER, password);
            }
            LOG.infof("Embedded PostgreSQL started in %d ms on port %d (data: %s)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), postgres.getPort(),
                    configuredDataDir.map(Path::toString).orElse("temporary"));
            return new Endpoint(url, USER, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL. Configure "
                    + "quarkus.datasource.jdbc.url to use an existing PostgreSQL instead.", e);
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
