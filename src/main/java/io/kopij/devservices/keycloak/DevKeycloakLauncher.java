package io.kopij.devservices.keycloak;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode: starts a real Keycloak with the cms realm in the background, so {@code ./mvnw quarkus:dev} needs
 * nothing but a JDK. Reads are served at once; requests with a token answer 503 until Keycloak is ready (its
 * first start on a fresh machine takes minutes). One server per JVM: it survives live reloads and stops with
 * the JVM. Nothing is started when {@code quarkus.oidc.auth-server-url} points elsewhere.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevKeycloakLauncher {

    private static final Logger LOG = Logger.getLogger(DevKeycloakLauncher.class);

    private final DevKeycloakConfig config;
    private final String authServerUrl;

    DevKeycloakLauncher(DevKeycloakConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.config = config;
        this.authServerUrl = authServerUrl;
    }

    void onStart(@Observes StartupEvent event) {
        String localUrl = "http://localhost:" + config.devPort() + "/realms/cms";
        if (!localUrl.equals(authServerUrl)) {
            LOG.infof("Using the configured Keycloak at %s; no local Keycloak is started", authServerUrl);
            return;
        }
        Path home = Path.of(System.getProperty("kopij.keycloak.home", config.home()));
        Path realm = Path.of(System.getProperty("kopij.keycloak.realm-file", config.realmFile()));
        if (!Files.isDirectory(home)) {
            LOG.warnf("No Keycloak distribution at %s (the build unpacks it): writes will answer 503", home);
            return;
        }
        KeycloakServerConfig server = KeycloakServerConfig.of(home, realm, "dev", config.devPort(),
                config.devManagementPort(), Duration.ofMinutes(8));
        long started = System.nanoTime();
        KeycloakServer.sharedAsync(server).whenComplete((keycloak, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "Keycloak did not start; writes will answer 503. Log: %s",
                        home.resolve("keycloak-dev.log"));
            } else {
                LOG.infof("Keycloak ready at %s after %d s. Get a token: curl -s -d client_id=kopij-dev "
                                + "-d grant_type=password -d username=alice -d password=alice %s",
                        keycloak.realmUrl(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                        keycloak.tokenUrl());
            }
        });
        LOG.infof("Starting Keycloak for dev mode on port %d in the background (log: %s)", config.devPort(),
                home.resolve("keycloak-dev.log"));
    }
}
