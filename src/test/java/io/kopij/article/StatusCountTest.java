package io.kopij.article;

import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unfiltered list totals come from trigger-kept counters: they must always equal a real count. */
@QuarkusTest
class StatusCountTest {

    @Inject
    EntityManager em;

    @Test
    void totalsFollowEveryStatusChange() {
        String id = create(editor(), article("Teller " + unique()));
        assertTotalsExact();
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        assertTotalsExact();
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("lead", "x")).patch("/api/v1/articles/" + id).then().statusCode(200);
        editor().post("/api/v1/articles/" + id + "/archive").then().statusCode(200);
        assertTotalsExact();
        editor().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        editor().contentType(ContentType.JSON).body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        assertTotalsExact();
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        assertTotalsExact();
    }

    private void assertTotalsExact() {
        for (String status : new String[] {"draft", "scheduled", "published", "archived"}) {
            long real = ((Number) QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("select count(*) from article where status = :s").setParameter("s", status)
                    .getSingleResult())).longValue();
            long listed = ((Number) editor().queryParam("status", status).queryParam("limit", 1)
                    .get("/api/v1/articles").then().statusCode(200).extract().path("page.total")).longValue();
            assertEquals(real, listed, "total of " + status);
        }
    }
}
