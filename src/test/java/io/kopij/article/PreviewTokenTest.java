package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.kopij.shared.security.SigningKeys;
import io.kopij.support.Api;
import io.kopij.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreviewTokenTest {

    @Inject
    SigningKeys keys;

    @Test
    void aValidTokenReadsTheDraftOverRestAndGraphQL() {
        String id = create(editor(), article("Voorvertoning " + unique()));
        String token = editor().post(ARTICLES + "/" + id + "/preview-token").then().statusCode(200)
                .body("articleId", is(id)).extract().path("token");
        anonymous().get(ARTICLES + "/" + id).then().statusCode(404);
        anonymous().header("Preview-Token", token).get(ARTICLES + "/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("status", is("draft"));
        GraphQL.post(anonymous(), "query($id: ID, $t: String) { article(id: $id, previewToken: $t) { id status } }",
                Map.of("id", id, "t", token)).body("errors", nullValue()).body("data.article.status", is("DRAFT"));
    }

    @Test
    void onlyEditorsAndTheArticlesAuthorsMintTokens() {
        String bob = "bob-" + unique();
        String id = create(as(bob, Api.AUTHOR), article("Van Bob " + unique()));
        as(bob, Api.AUTHOR).post(ARTICLES + "/" + id + "/preview-token").then().statusCode(200);
        as("erin-" + unique(), Api.AUTHOR).post(ARTICLES + "/" + id + "/preview-token").then().statusCode(404);
        anonymous().post(ARTICLES + "/" + id + "/preview-token").then().statusCode(401);
    }

    @Test
    void expiredWrongArticleAndTamperedTokensAreRefused() throws Exception {
        String id = create(editor(), article("Geheim " + unique()));
        String other = create(editor(), article("Ander " + unique()));
        String token = editor().post(ARTICLES + "/" + id + "/preview-token").then().extract().path("token");

        anonymous().header("Preview-Token", token).get(ARTICLES + "/" + other).then().statusCode(403)
                .contentType("application/problem+json").body("code", is("preview.wrong-article"));
        String tampered = token.replace(id, other);
        anonymous().header("Preview-Token", tampered).get(ARTICLES + "/" + other).then().statusCode(401)
                .body("code", is("preview.token-invalid"));
        String[] parts = token.split("\\.");
        String longer = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3];
        anonymous().header("Preview-Token", longer).get(ARTICLES + "/" + id).then().statusCode(401)
                .body("code", is("preview.token-invalid"));
        anonymous().header("Preview-Token", "rommel").get(ARTICLES + "/" + id).then().statusCode(401);
        String expired = sign("p1." + id + "." + (Instant.now().getEpochSecond() - 10));
        anonymous().header("Preview-Token", expired).get(ARTICLES + "/" + id).then().statusCode(401)
                .body("code", is("preview.token-expired"));
        GraphQL.post(anonymous(), "query($id: ID, $t: String) { article(id: $id, previewToken: $t) { id } }",
                Map.of("id", id, "t", expired)).body("errors[0].extensions.code", is("preview.token-expired"));
    }

    /** Signs like the application does: proves the expiry check, not just the signature check, refuses it. */
    private String sign(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.key("preview", Optional.empty()), "HmacSHA256"));
        return payload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
