package io.kopij.edge;

import static io.kopij.support.Api.admin;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trusted-documents mode: only documents an admin registered run, sent as text or as a hash. */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.TrustedOnly.class)
class TrustedDocumentsTest {

    public static class TrustedOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kopij.persisted-queries.trusted-only", "true");
        }
    }

    @Test
    void onlyRegisteredDocumentsRun() {
        String query = "{ tags(first: 1) { totalCount } # build " + unique() + "\n}";
        String hash = GraphQLOverGetTest.sha256(query);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        // Before registration: refused as text, unknown as a hash, and a client cannot register it by sending it.
        anonymous().queryParam("query", query).get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", is("graphql.document-not-trusted"));
        anonymous().queryParam("query", query).queryParam("extensions", extensions).get("/graphql").then()
                .statusCode(400).body("errors[0].extensions.code", is("graphql.document-not-trusted"));
        anonymous().queryParam("extensions", extensions).get("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));

        admin().contentType(ContentType.JSON).body(Map.of(hash, query)).put("/api/v1/graphql/documents").then()
                .statusCode(200).body("documents", is(1), "added", is(1));
        admin().contentType(ContentType.JSON).body(Map.of(hash, query)).put("/api/v1/graphql/documents").then()
                .statusCode(200).body("documents", is(1), "added", is(0));

        anonymous().queryParam("extensions", extensions).get("/graphql").then().statusCode(200)
                .body("data.tags.totalCount", notNullValue());
        anonymous().queryParam("query", query).get("/graphql").then().statusCode(200)
                .body("data.tags.totalCount", notNullValue());
        anonymous().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .body("data.tags.totalCount", notNullValue());
    }

    @Test
    void onlyAdminsRegisterAndHashesMustMatch() {
        String query = "{ authors(first: 1) { totalCount } # " + unique() + "\n}";
        String hash = GraphQLOverGetTest.sha256(query);
        anonymous().contentType(ContentType.JSON).body(Map.of(hash, query)).put("/api/v1/graphql/documents").then()
                .statusCode(401).contentType("application/problem+json");
        editor().contentType(ContentType.JSON).body(Map.of(hash, query)).put("/api/v1/graphql/documents").then()
                .statusCode(403).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body(Map.of(hash, query + " ")).put("/api/v1/graphql/documents").then()
                .statusCode(400).contentType("application/problem+json").body("code", is("request.invalid"))
                .body("errors[0].field", is(hash));
        admin().contentType(ContentType.JSON).body(Map.of()).put("/api/v1/graphql/documents").then().statusCode(400);
    }
}
