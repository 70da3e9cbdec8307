package io.kopij.embeddedpostgres;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Answers {@code quarkus.datasource.jdbc.url}, {@code username} and {@code password} with those of an embedded
 * PostgreSQL, started on first read. Only installed when no other source configures a JDBC URL; ordinal 1, so
 * any real configuration (properties file, environment, system property) still wins.
 */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";

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
        return switch (propertyName) {
            case JDBC_URL -> EmbeddedPostgresServer.endpoint(dataDir, port).url();
            case USERNAME -> EmbeddedPostgresServer.endpoint(dataDir, port).user();
            case PASSWORD -> EmbeddedPostgresServer.endpoint(dataDir, port).password();
            default -> null;
        };
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
