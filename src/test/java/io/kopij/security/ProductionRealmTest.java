package io.kopij.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.shared.security.DevRealmDetector;
import io.kopij.shared.security.DevRealmDetector.Verdict;
import io.kopij.support.KeycloakTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The production realm that docker/ imports by default is accepted by a real Keycloak and has none of the
 * development realm's weaknesses; the detector Kopij's production profile runs at startup tells the two apart.
 */
@QuarkusTest
class ProductionRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProductionRealmHasNoUsersNoPasswordGrantsAndBruteForceProtection() throws Exception {
        JsonNode realm = JSON.readTree(Files.readString(Path.of("docker/keycloak/realm-cms.prod.json")));
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals(0, realm.path("users").size());
        assertEquals("external", realm.path("sslRequired").asText());
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.path("clientId").asText());
            assertFalse(client.path("implicitFlowEnabled").asBoolean(), client.path("clientId").asText());
        }
        JsonNode web = realm.path("clients").get(1);
        assertEquals("S256", web.path("attributes").path("pkce.code.challenge.method").asText());
    }

    @Test
    void keycloakAcceptsTheProductionRealmAndTheDetectorTellsItFromTheDevelopmentRealm() throws Exception {
        String keycloak = System.getProperty(KeycloakTestResource.BASE_URL_PROPERTY);
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(keycloak + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        String name = "cms-prod-" + System.nanoTime();
        String file = Files.readString(Path.of("docker/keycloak/realm-cms.prod.json"))
                .replace("${KOPIJ_WEB_REDIRECT_URI}", "https://cms.example.org/*")
                .replace("${KOPIJ_WEB_ORIGIN}", "https://cms.example.org");
        ObjectNode realm = (ObjectNode) JSON.readTree(file);
        realm.put("realm", name);
        given().auth().oauth2(admin).contentType("application/json").body(JSON.writeValueAsString(realm))
                .post(keycloak + "/admin/realms").then().statusCode(201);

        DevRealmDetector detector = new DevRealmDetector();
        assertEquals(Verdict.CLEAN, detector.check(keycloak + "/realms/" + name));
        assertEquals(Verdict.DEV_REALM, detector.check(keycloak + "/realms/cms"));
        assertEquals(Verdict.UNREACHABLE, detector.check("http://127.0.0.1:9/realms/cms"));
        // No password grant on the production realm, not even for its own browser client.
        given().formParam("grant_type", "password").formParam("client_id", "kopij-web")
                .formParam("username", "someone").formParam("password", "something")
                .post(keycloak + "/realms/" + name + "/protocol/openid-connect/token").then().statusCode(400);
    }

    @Test
    void theDevelopmentIssuerIsRecognisedFromTheConfiguration() {
        assertTrue(DevRealmDetector.devIssuerConfigured("http://localhost:8180/realms/cms/", Optional.empty()).isPresent());
        assertTrue(DevRealmDetector.devIssuerConfigured("http://keycloak:8080/realms/cms",
                Optional.of("http://localhost:8180/realms/cms")).isPresent());
        assertFalse(DevRealmDetector.devIssuerConfigured("https://sso.example.org/realms/cms", Optional.empty()).isPresent());
    }
}
