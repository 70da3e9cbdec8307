package io.kopij.devservices.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link KeycloakServer} runs.
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
public record KeycloakServerConfig(Path home, Path realmFile, String instance, int httpPort, int managementPort,
        Duration startTimeout, Duration stopTimeout, String javaOpts, String adminUser, String adminPassword,
        List<String> extraArgs) {

    public KeycloakServerConfig {
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

    /**
     * A server of one instance on the given ports (0 picks free ones), with the defaults for everything else: 20 s
     * to stop, {@link KeycloakServer#FAST_START_JAVA_OPTS}, a temporary admin/admin master-realm user, no extra
     * arguments.
     */
    public static KeycloakServerConfig of(Path home, Path realmFile, String instance, int httpPort, int managementPort,
            Duration startTimeout) {
        return new KeycloakServerConfig(home, realmFile, instance, httpPort, managementPort, startTimeout,
                Duration.ofSeconds(20), KeycloakServer.FAST_START_JAVA_OPTS, "admin", "admin", List.of());
    }
}
