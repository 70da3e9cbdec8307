package io.kopij.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request helpers for tests: who is calling, and small builders for valid input. */
public final class Api {

    public static final String ARTICLES = "/api/v1/articles";
    public static final String AUTHORS = "/api/v1/authors";
    public static final String TAGS = "/api/v1/tags";

    public static final String EDITOR = "editor";
    public static final String AUTHOR = "author";
    public static final String ADMIN = "admin";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().accept(ContentType.JSON);
    }

    /** A user with roles, e.g. {@code as("bob", "author")}. Each distinct name gets its own author profile. */
    public static RequestSpecification as(String user, String... roles) {
        return given().accept(ContentType.JSON)
                .header(TestUserAuthenticationMechanism.HEADER, user + ":" + String.join(",", roles));
    }

    public static RequestSpecification editor() {
        return as("ed-" + "itor", EDITOR);
    }

    public static RequestSpecification admin() {
        return as("admin-user", ADMIN);
    }

    /** A unique suffix so tests never depend on each other's data. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> article(String title, String... tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("lead", "Een korte inleiding bij " + title + ".");
        body.put("body", "Eerste alinea over **" + title + "**.\n\n## Tussenkop\n\nTweede alinea.");
        body.put("tags", new ArrayList<>(List.of(tags)));
        return body;
    }

    /** Creates an article as the given caller and returns its id. */
    public static String create(RequestSpecification caller, Map<String, Object> article) {
        return caller.contentType(ContentType.JSON).body(article).post(ARTICLES)
                .then().statusCode(201).extract().path("id");
    }

    public static String createPublished(Map<String, Object> article) {
        String id = create(editor(), article);
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A caller with a real access token that the test Keycloak issued for a realm user (alice, bob, ...). */
    public static RequestSpecification withToken(String user) {
        return given().accept(ContentType.JSON).auth().oauth2(Tokens.of(user));
    }
}
