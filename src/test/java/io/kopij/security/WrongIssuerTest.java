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
 * A correctly signed token from an issuer the application was not configured to trust is refused. The only way to
 * get such a token without the realm's private key is to configure another expected issuer, which this profile does.
 */
@QuarkusTest
@TestProfile(WrongIssuerTest.ExpectsAnotherIssuer.class)
class WrongIssuerTest {

    public static class ExpectsAnotherIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.issuer", "https://sso.example.org/realms/cms");
        }
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", is("auth.unauthorized"));
    }
}
