package io.kopij;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}, production
 * profile): it starts on its embedded PostgreSQL, serves a list and refuses a write without a token. The global
 * Keycloak test resource gives it the realm to check tokens against.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedAppIT.ThrowAwayDatabase.class, restrictToAnnotatedClass = true)
class PackagedAppIT {

    /** The packaged app runs in the production profile: give it a throw-away embedded PostgreSQL. */
    public static class ThrowAwayDatabase implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("kopij.embedded-postgres.temporary", "true");
        }

        @Override
        public void stop() {
            // the app's embedded PostgreSQL stops with the app
        }
    }

    @Test
    void startsServesAListAndRefusesAnonymousWrites() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept(ContentType.JSON).get("/api/v1/articles").then().statusCode(200)
                .contentType(ContentType.JSON).body("page.total", greaterThanOrEqualTo(0));
        given().contentType(ContentType.JSON).body("{\"title\":\"Zonder token\"}").post("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json").body("code", is("auth.unauthorized"));
    }
}
