package io.kopij.embeddedpostgres;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Answers {@code quarkus.datasource.jdbc.url} with the URL of an embedded PostgreSQL, started on first read.
 * Ordinal 1: any real configuration (properties file, environment, system property) wins over it.
 */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    private final Optional<Path> dataDir;
    private final int port;

    EmbeddedPostgresConfigSource(Optional<Path> dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    /** Deliberately empty: advertising the URL would make the build itself start PostgreSQL. */
    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!JDBC_URL.equals(propertyName)) {
            return null;
        }
        return EmbeddedPostgresServer.jdbcUrl(dataDir, port);
    }

    @Override
    public String getName() {
        return "kopij-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
