package io.kopij.security;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import io.kopij.shared.text.Slugs;
import io.kopij.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Only tokens the cms realm issued for kopij-api, unexpired and untouched, are accepted; the rest get a 401. */
@QuarkusTest
class TokenValidationTest {

    @Test
    void rolesComeFromTheRealmAccessClaim() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/v1/me").then().statusCode(200)
                .body("username", is("alice")).body("roles", containsInAnyOrder("editor"));
        given().auth().oauth2(Tokens.of("dave")).get("/api/v1/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("admin"));
        given().auth().oauth2(Tokens.of("nora")).get("/api/v1/me").then().statusCode(200)
                .body("roles", is(List.of())).body("author", nullValue());
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void firstWriteCreatesTheAuthorProfileFromTokenClaims() {
        given().auth().oauth2(Tokens.of("erin")).contentType(ContentType.JSON).body(article("Erin " + unique()))
                .post(ARTICLES).then().statusCode(201);
        given().auth().oauth2(Tokens.of("erin")).get("/api/v1/me").then().statusCode(200)
                .body("author.name", is("Erin Bakker")).body("author.email", is("erin@kopij.test"))
                .body("author.slug", Matchers.startsWith("erin-bakker"));
    }

    @Test
    void selfSignedTokenIsRefused() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("forged");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        assertRefused(jws.getCompactSerialization());
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertRefused(header + "." + b64(claims().toJson()) + ".");
    }

    @Test
    void tamperedTokenIsRefused() {
        String[] parts = Tokens.of("bob").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"author\"", "\"admin\"");
        assertRefused(parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused(Tokens.of("alice", "kopij-test-other-audience"));
    }

    @Test
    void expiredTokenIsRefused() {
        String token = Tokens.of("alice", "kopij-test-short-lived");
        // The client's tokens live 2 s: wait until the API refuses it, then check how.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get("/api/v1/me").statusCode() == 401);
        assertRefused(token);
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not-a-jwt");
        assertRefused("a.b.c");
    }

    @Test
    void wrongPasswordGetsNoToken() {
        Assertions.assertEquals(401, Tokens.passwordGrant("alice", "wrong", "kopij-dev").statusCode());
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Tokens.realmUrl());
        claims.setAudience("kopij-api");
        claims.setSubject("00000000-0000-0000-0000-000000000001");
        claims.setClaim("preferred_username", "mallory");
        claims.setClaim("realm_access", Map.of("roles", List.of("admin")));
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        return claims;
    }

    private static void assertRefused(String token) {
        String title = "Vervalst " + unique();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(article(title)).post(ARTICLES)
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", is("auth.unauthorized"))
                .body("detail", is("Sign in: send a valid bearer token"))
                .body("$", not(Matchers.hasKey("stackTrace")));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("alice")).get(ARTICLES + "/by-slug/" + Slugs.fromText(title))
                .then().statusCode(404);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
