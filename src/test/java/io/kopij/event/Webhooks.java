package io.kopij.event;

import static io.kopij.support.Api.admin;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers webhooks for a test and deletes them afterwards, so later tests' events go nowhere. */
public final class Webhooks implements AutoCloseable {

    /** A registered endpoint and its secret. */
    public record Registered(String id, String secret) {
    }

    private final List<String> created = new ArrayList<>();

    public Registered register(String url, List<String> events, Map<String, Object> filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", events);
        if (filter != null) {
            body.put("filter", filter);
        }
        var answer = admin().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).extract();
        Registered registered = new Registered(answer.path("id"), answer.path("secret"));
        created.add(registered.id());
        return registered;
    }

    public Registered register(String url, String... events) {
        return register(url, List.of(events), null);
    }

    @Override
    public void close() {
        for (String id : created) {
            admin().delete("/api/v1/webhooks/" + id);
        }
        created.clear();
    }
}
