package io.kopij.embeddedpostgres;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes a real PostgreSQL the default database, the way Strapi and Directus default to SQLite: when no other
 * configuration source supplies {@code quarkus.datasource.jdbc.url}, this low-ordinal source answers it by
 * starting PostgreSQL from the binaries on the classpath (see {@link EmbeddedPostgresServer}).
 *
 * <p>The source advertises no property names and starts nothing until the URL is actually read, so the build and
 * any run that configures a JDBC URL (production) never start a database.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "kopij.embedded-postgres.enabled";
    static final String DATA_DIR = "kopij.embedded-postgres.data-dir";
    static final String PORT = "kopij.embedded-postgres.port";
    static final String TEMPORARY = "kopij.embedded-postgres.temporary";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!Boolean.parseBoolean(value(context, profiles, ENABLED).orElse("true"))
                || value(context, profiles, EmbeddedPostgresConfigSource.JDBC_URL).filter(url -> !url.isBlank()).isPresent()) {
            return List.of(); // switched off, or a real database is configured
        }
        boolean temporary = Boolean.parseBoolean(value(context, profiles, TEMPORARY).orElse("false"));
        Optional<Path> dataDir = temporary ? Optional.empty()
                : Optional.of(Path.of(value(context, profiles, DATA_DIR).filter(s -> !s.isBlank()).orElse("kopij-data/postgres")));
        int port = value(context, profiles, PORT).map(Integer::parseInt).orElse(0);
        return List.of(new EmbeddedPostgresConfigSource(dataDir, port));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static Optional<String> value(ConfigSourceContext context, List<String> profiles, String name) {
        for (String profile : profiles) {
            ConfigValue profiled = context.getValue("%" + profile + "." + name);
            if (profiled != null && profiled.getValue() != null) {
                return Optional.of(profiled.getValue());
            }
        }
        ConfigValue plain = context.getValue(name);
        return plain == null ? Optional.empty() : Optional.ofNullable(plain.getValue());
    }
}
