package io.kopij.devservices.keycloak;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local Keycloak that dev mode starts (tests start their own on free ports). */
// Registered even where nothing injects it (Unremovable), so its keys are known and validated in every profile.
@Unremovable
@ConfigMapping(prefix = "kopij.keycloak")
public interface DevKeycloakConfig {

    /** Unpacked keycloak-quarkus-dist; the build passes it as a system property. */
    @WithDefault(".kopij/keycloak-26.5.6")
    String home();

    /** The realm imported on first start (and again whenever the file changes). */
    @WithDefault("docker/keycloak/realm-cms.json")
    String realmFile();

    /** HTTP port of the dev Keycloak. */
    @WithDefault("8180")
    int devPort();

    /** Management (health) port of the dev Keycloak. */
    @WithDefault("9180")
    int devManagementPort();
}
