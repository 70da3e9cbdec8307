package io.kopij.embeddedpostgres;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The embedded PostgreSQL that runs when no {@code quarkus.datasource.jdbc.url} is configured. Read by
 * {@link EmbeddedPostgresConfigSourceFactory} before the application starts; mapped here so the keys are
 * documented and validated.
 */
// Registered even where nothing injects it (Unremovable), so its keys are known and validated in every profile.
@Unremovable
@ConfigMapping(prefix = "kopij.embedded-postgres")
public interface EmbeddedPostgresConfig {

    /** Start an embedded PostgreSQL when no JDBC URL is configured. */
    @WithDefault("true")
    boolean enabled();

    /** Data directory, kept between runs. */
    @WithDefault("kopij-data/postgres")
    String dataDir();

    /** A throw-away instance in a temporary directory instead (tests). */
    @WithDefault("false")
    boolean temporary();

    /** TCP port on 127.0.0.1; 0 picks a free one. */
    Optional<Integer> port();
}
