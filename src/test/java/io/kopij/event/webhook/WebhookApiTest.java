package io.kopij.event.webhook;

import static io.kopij.support.Api.admin;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.kopij.event.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API of webhooks: who may use it, what it accepts and refuses, and that secrets are shown once. */
@QuarkusTest
class WebhookApiTest {

    private final Webhooks webhooks = new Webhooks();

    @AfterEach
    void cleanUp() {
        webhooks.close();
    }

    @Test
    void onlyAdminsManageWebhooks() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hooks/x", "events", List.of("article.*"));
        anonymous().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().statusCode(401)
                .contentType("application/problem+json");
        editor().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/webhooks").then().statusCode(401);
        editor().get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void theSecretIsShownOnCreateAndRotateOnly() {
        var created = admin().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks/a", "events", List.of("article.published", "tag.*"),
                        "filter", Map.of("tags", List.of("ai"), "languages", List.of("NL")), "description", "Site"))
                .post("/api/v1/webhooks")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_"), "enabled", is(true), "events", is(List.of("article.published", "tag.*")),
                        "filter.tags", is(List.of("ai")), "filter.languages", is(List.of("nl")), "description", is("Site"))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        try {
            admin().get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue(), "url",
                    is("http://127.0.0.1:9/hooks/a"));
            admin().get("/api/v1/webhooks").then().statusCode(200).body("data.id", hasItem(id))
                    .body("data.secret", not(hasItem(secret)));
            admin().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                    .body("secret", startsWith("whsec_"), "secret", not(is(secret)),
                            "previousSecretExpiresAt", notNullValue());
        } finally {
            admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
        admin().get("/api/v1/webhooks/" + id).then().statusCode(404).body("code", is("webhook.not-found"));
    }

    @Test
    void patchNeedsIfMatchAndChecksLikeCreate() {
        String id = webhooks.register("http://127.0.0.1:9/hooks/p", "article.*").id();
        var read = admin().get("/api/v1/webhooks/" + id).then().statusCode(200).extract();
        admin().contentType("application/merge-patch+json").body(Map.of("description", "x"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(428);
        admin().contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data")).patch("/api/v1/webhooks/" + id)
                .then().statusCode(422).body("code", is("webhook.url-not-allowed"), "errors[0].field", is("url"));
        admin().contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("events", List.of("article.published"), "enabled", false)).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("events", is(List.of("article.published")), "enabled", is(false),
                        "disabledReason", is("Disabled by an admin"));
        admin().contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + id).then().statusCode(412);
        admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(409).body("code", is("webhook.disabled"));
    }

    @Test
    void badInputIsAClearProblemAndStoresNothing() {
        long before = admin().get("/api/v1/webhooks").then().extract().jsonPath().getLong("page.total");
        refuse(Map.of("url", "ftp://example.org/x", "events", List.of("article.*")), 400, "url");
        refuse(Map.of("url", "http://user:pw@127.0.0.1/x", "events", List.of("article.*")), 400, "url");
        refuse(Map.of("url", "not a url", "events", List.of("article.*")), 400, "url");
        refuse(Map.of("url", "http://127.0.0.1/x", "events", List.of("article.typo")), 400, "events[0]");
        refuse(Map.of("url", "http://127.0.0.1/x", "events", List.of()), 400, "events");
        refuse(Map.of("url", "http://127.0.0.1/x", "events", List.of("*"), "filter", Map.of("tags", List.of("Not A Slug"))),
                400, "filter.tags[0]");
        refuse(Map.of("url", "http://127.0.0.1/x", "events", List.of("*"), "filter", Map.of("languages", List.of("??"))),
                400, "filter.languages[0]");
        // SSRF: link-local (cloud metadata) is never allowed, private networks are not by default.
        refuse(Map.of("url", "http://169.254.169.254/latest/meta-data", "events", List.of("*")), 422, "url");
        refuse(Map.of("url", "http://[fe80::1]/x", "events", List.of("*")), 422, "url");
        refuse(Map.of("url", "http://10.1.2.3/x", "events", List.of("*")), 422, "url");
        refuse(Map.of("url", "http://192.168.1.10/x", "events", List.of("*")), 422, "url");
        refuse(Map.of("url", "http://does-not-exist.invalid/x", "events", List.of("*")), 422, "url");
        admin().contentType(ContentType.JSON).body("{\"url\": 3").post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        admin().get("/api/v1/webhooks").then().body("page.total", is((int) before));
        admin().get("/api/v1/webhooks?tag=x").then().statusCode(400).body("code", is("request.unknown-parameter"));
        admin().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        admin().get("/api/v1/webhooks/nope").then().statusCode(404);
    }

    private static void refuse(Map<String, Object> body, int status, String field) {
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().statusCode(status)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
