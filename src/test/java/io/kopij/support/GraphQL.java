package io.kopij.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts GraphQL operations as a given caller. */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse post(RequestSpecification caller, String query) {
        return post(caller, query, Map.of());
    }

    public static ValidatableResponse post(RequestSpecification caller, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return caller.contentType(ContentType.JSON).body(body).post("/graphql").then();
    }
}
