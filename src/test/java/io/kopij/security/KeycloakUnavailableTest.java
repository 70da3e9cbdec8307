package io.kopij.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.kopij.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the identity provider unreachable the application still starts and serves reads; a request that carries a
 * token cannot be checked and gets 503 with Retry-After (not a 500, not a 401 that would make clients drop a valid
 * token).
 */
@QuarkusTest
@TestProfile(KeycloakUnavailableTest.KeycloakDown.class)
class KeycloakUnavailableTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/cms",
                    "quarkus.oidc.connection-timeout", "1s");
        }
    }

    @Test
    void readsWorkAndTokenRequestsAnswer503() {
        given().get("/api/v1/articles").then().statusCode(200);
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("{\"title\":\"x\"}")
                .post("/api/v1/articles").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "10").body("code", is("auth.unavailable"));
        given().auth().oauth2(Tokens.of("alice")).get("/api/v1/me").then().statusCode(503);
    }
}
