package io.kopij.support;

import io.kopij.devservices.keycloak.KeycloakServer;
import io.kopij.devservices.keycloak.KeycloakServerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Keycloak for the whole test run: started once per JVM on free ports with the realm from
 * docker/keycloak/realm-cms.json, shared by every test class (also across Quarkus restarts), stopped when the JVM
 * exits. Set {@code KOPIJ_TEST_KEYCLOAK_URL} (e.g. http://localhost:8180) to use a running Keycloak instead, or the
 * system property {@value #NO_KEYCLOAK_PROPERTY} where no test sends a token.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BASE_URL_PROPERTY = "io.kopij.test.keycloak-url";
    /** Set (by the failsafe configuration) where no test needs a token: no Keycloak is started. */
    public static final String NO_KEYCLOAK_PROPERTY = "kopij.test.no-keycloak";
    private static final String UNREACHABLE = "http://127.0.0.1:9";

    @Override
    public Map<String, String> start() {
        if (Boolean.getBoolean(NO_KEYCLOAK_PROPERTY)) {
            // Smoke tests of the packaged app only make anonymous requests, which never reach Keycloak.
            return Map.of("quarkus.oidc.auth-server-url", UNREACHABLE + "/realms/cms");
        }
        return Map.of("quarkus.oidc.auth-server-url", baseUrl() + "/realms/cms");
    }

    /**
     * The base URL of the test Keycloak, started if needed (or the one {@code KOPIJ_TEST_KEYCLOAK_URL} names), and
     * remembered for {@link Tokens}. Also for tests that start the packaged app themselves and need real tokens.
     */
    public static String baseUrl() {
        String configured = System.getenv("KOPIJ_TEST_KEYCLOAK_URL");
        String baseUrl;
        if (configured != null && !configured.isBlank()) {
            baseUrl = configured.replaceAll("/+$", "");
        } else {
            KeycloakServer server = KeycloakServer.shared(KeycloakServerConfig.of(
                    Path.of(System.getProperty("kopij.keycloak.home", ".kopij/keycloak-26.5.6")),
                    Path.of(System.getProperty("kopij.keycloak.realm-file", "docker/keycloak/realm-cms.json")),
                    "test", 0, 0, Duration.ofMinutes(8)));
            baseUrl = server.url();
        }
        System.setProperty(BASE_URL_PROPERTY, baseUrl);
        return baseUrl;
    }

    @Override
    public void stop() {
        // Shared for the JVM: a shutdown hook stops it after the last test class.
    }
}
