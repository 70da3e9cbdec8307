package io.kopij.edge;

import static io.kopij.support.Api.article;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Varnish with the project's VCL in front of the test instance, purged by the application: a list cached in
 * Varnish (for a day: s-maxage) shows a new publication within 2 s of the commit. Skipped, with a message, where
 * varnishd is not installed (.ci/run installs it when it runs as root).
 */
@QuarkusTest
@TestProfile(VarnishTest.WithVarnish.class)
class VarnishTest {

    public static class WithVarnish implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(VarnishResource.class));
        }
    }

    @BeforeEach
    void pointVarnishAtTheApplication() throws Exception {
        assumeTrue(VarnishResource.varnishd() != null,
                "varnishd is not installed (Debian: apt-get install varnish varnish-modules): Varnish test skipped");
        VarnishResource.useBackend(RestAssured.port);
    }

    @Test
    void aCachedListShowsANewPublicationWithinTwoSeconds() throws Exception {
        String tag = "varnish-" + unique();
        createPublished(article("Eerste " + unique(), tag));
        String url = "http://127.0.0.1:" + System.getProperty(VarnishResource.PORT_PROPERTY) + "/api/v1/articles?tag=" + tag;
        var miss = given().accept("application/json").get(url).then().statusCode(200).extract();
        assertEquals(1, miss.jsonPath().getList("data").size());
        assertTrue(miss.header("Cache-Control").contains("s-maxage=86400"), miss.header("Cache-Control"));
        var hit = given().accept("application/json").get(url).then().statusCode(200).extract();
        assertEquals("HIT", hit.header("X-Cache"), "the list is served from Varnish");
        assertEquals(null, hit.header("xkey"), "Varnish keeps the keys to itself");

        createPublished(article("Tweede " + unique(), tag));
        long committed = System.currentTimeMillis();
        int seen;
        try {
            seen = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> given().accept("application/json").get(url).then().statusCode(200).extract()
                            .jsonPath().getList("data").size(), size -> size == 2);
        } catch (ConditionTimeoutException timeout) {
            seen = 1;
        }
        assertEquals(2, seen, "Varnish still served the old list 2 s after the publication");
        System.out.println("Varnish showed the new publication " + (System.currentTimeMillis() - committed)
                + " ms after the commit");
    }

    @Test
    void answersForSignedInCallersAreNeverCached() {
        String url = "http://127.0.0.1:" + System.getProperty(VarnishResource.PORT_PROPERTY) + "/api/v1/articles";
        for (int i = 0; i < 2; i++) {
            var answer = given().accept("application/json").header("Authorization", "Bearer nope").get(url).then().extract();
            assertEquals("MISS", answer.header("X-Cache"), "passed to Kopij every time");
        }
    }
}
