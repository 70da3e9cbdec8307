package io.kopij.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the Keycloak test resource for every @QuarkusTest of the run (one Keycloak, one application start). */
@QuarkusTestResource(KeycloakTestResource.class)
public final class KeycloakTests {

    private KeycloakTests() {
    }
}
