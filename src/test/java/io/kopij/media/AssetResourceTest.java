package io.kopij.media;

import static io.kopij.media.MediaApi.ASSETS;
import static io.kopij.media.MediaApi.author;
import static io.kopij.media.MediaApi.filesIn;
import static io.kopij.media.MediaApi.upload;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.support.Api;
import io.kopij.support.TestUserAuthenticationMechanism;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Permissions, metadata edits, the media library's list and the upload limit. Storage itself: AssetStorageContract. */
@QuarkusTest
class AssetResourceTest {

    @ConfigProperty(name = "kopij.media.work-dir")
    String workDir;

    @ConfigProperty(name = "kopij.media.max-upload-size")
    long maxUploadSize;

    private long seed = System.nanoTime();

    @Test
    void anonymousCallersMayOnlySeeImages() {
        anonymous().multiPart("file", "a.png", TestImages.png(20, 20, ++seed), "image/png").post(ASSETS)
                .then().statusCode(401).contentType("application/problem+json").body("code", is("auth.unauthorized"));
        anonymous().get(ASSETS).then().statusCode(401);
        String id = MediaApi.create(TestImages.png(20, 20, ++seed), "a.png");
        anonymous().get(ASSETS + "/" + id).then().statusCode(401);
        anonymous().contentType("application/merge-patch+json").body(Map.of("alt", "x")).patch(ASSETS + "/" + id)
                .then().statusCode(401);
        anonymous().delete(ASSETS + "/" + id).then().statusCode(401);
        given().get(MediaApi.urlOf(id)).then().statusCode(200).contentType("image/png");
        // Signed in without an editorial role: no access to the library.
        Api.as("nora-" + unique()).multiPart("file", "b.png", TestImages.png(20, 20, ++seed), "image/png")
                .post(ASSETS).then().statusCode(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(Path.of(workDir)).isEmpty());
    }

    @Test
    void authorsUploadAndEditOnlyTheirOwnAssets() {
        String bob = "bob-" + unique();
        String id = upload(author(bob), TestImages.jpeg(64, 48, ++seed), "bob.jpg", "image/jpeg", "Bobs foto")
                .then().statusCode(201).body("uploadedBy.subject", is(bob)).extract().path("id");
        author("erin-" + unique()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "Van Erin")).patch(ASSETS + "/" + id).then().statusCode(403)
                .body("code", is("auth.forbidden"));
        author("erin-" + unique()).delete(ASSETS + "/" + id).then().statusCode(403);
        author(bob).delete(ASSETS + "/" + id).then().statusCode(403); // deleting is for editors
        author(bob).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "Een lama", "credit", "Foto: Bob")).patch(ASSETS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("alt", is("Een lama"), "credit", is("Foto: Bob"), "caption", is((String) null));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"credit\": null, \"caption\": \"Op de wei\"}").patch(ASSETS + "/" + id)
                .then().statusCode(200).body("credit", is((String) null), "caption", is("Op de wei"),
                        "url", containsString("/v1/"));
        editor().get(ASSETS + "/" + id).then().statusCode(200).body("alt", is("Een lama"), "version", is(2));
    }

    @Test
    void patchesNeedTheCurrentVersionAndValidInput() {
        String id = MediaApi.create(TestImages.png(30, 30, ++seed), "p.png");
        String path = ASSETS + "/" + id;
        editor().contentType("application/merge-patch+json").body(Map.of("alt", "x")).patch(path)
                .then().statusCode(428).body("code", is("request.precondition-required"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"7\"").body(Map.of("alt", "x"))
                .patch(path).then().statusCode(412).body("code", is("asset.version-conflict"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("focalPoint", Map.of("x", 1.5, "y", 0.5))).patch(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("focalPoint.x"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "a".repeat(1001))).patch(path).then().statusCode(400)
                .body("errors.field", hasItem("alt"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("sha256", "0".repeat(64))).patch(path).then().statusCode(400)
                .body("errors.field", hasItem("sha256"));
        editor().get(path).then().statusCode(200).body("version", is(0), "alt", is((String) null));
        upload(author("bob"), TestImages.png(30, 30, ++seed), "lang.png", "image/png", "a".repeat(1001))
                .then().statusCode(400).body("errors.field", hasItem("alt"));
        author("bob").multiPart("alt", "zonder bestand").post(ASSETS).then().statusCode(400)
                .body("code", is("asset.file-required"));
    }

    @Test
    void aBodyThatIsNotAFormIs400AndStoresNothing() {
        String uploader = "broken-" + unique();
        // Not a form at all; a part that never ends; a part header broken by a bare line feed in the file name.
        for (String body : List.of("UPPER-CASE'", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\nb.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\nabc\r\n--x--\r\n")) {
            author(uploader).contentType("multipart/form-data; boundary=x").body(body.getBytes(StandardCharsets.UTF_8))
                    .post(ASSETS).then().statusCode(400).contentType("application/problem+json")
                    .body("code", is("request.malformed-multipart"), "instance", is(ASSETS));
        }
        editor().queryParam("uploadedBy", uploader).get(ASSETS).then().statusCode(200).body("page.total", is(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(Path.of(workDir)).isEmpty());
    }

    @Test
    void theLibraryListsFiltersAndPages() {
        String word = "zeldzaam" + unique();
        String uploader = "lister-" + unique();
        for (int i = 0; i < 3; i++) {
            upload(author(uploader), TestImages.png(20, 20, ++seed), "l.png", "image/png", "Een " + word + " beeld")
                    .then().statusCode(201);
        }
        upload(author(uploader), TestImages.jpeg(20, 20, ++seed), "l.jpg", "image/jpeg", "Iets anders")
                .then().statusCode(201);
        String next = editor().queryParam("q", word.toUpperCase()).queryParam("limit", 2).get(ASSETS)
                .then().statusCode(200).body("data.size()", is(2), "page.total", is(3), "page.limit", is(2),
                        "page.next", notNullValue(), "data.alt", everyItem(containsString(word)))
                .extract().path("page.next");
        editor().queryParam("q", word).queryParam("limit", 2).queryParam("cursor", next).get(ASSETS)
                .then().statusCode(200).body("data.size()", is(1), "page.next", is((String) null));
        author(uploader).queryParam("uploadedBy", "me").queryParam("mimeType", "image/jpeg").get(ASSETS)
                .then().statusCode(200).body("page.total", is(1), "data[0].alt", is("Iets anders"));
        editor().queryParam("uploadedBy", uploader).get(ASSETS).then().statusCode(200).body("page.total", is(4));
        editor().queryParam("q", "100%_").get(ASSETS).then().statusCode(200)
                .body("data.alt", not(hasItem("Iets anders")));
        editor().queryParam("mimeType", "image/svg+xml").get(ASSETS).then().statusCode(400)
                .body("errors.field", hasItem("mimeType"));
        editor().queryParam("sort", "name").get(ASSETS).then().statusCode(400).body("code", is("request.unknown-parameter"));
        editor().queryParam("cursor", "bm9wZQ").get(ASSETS).then().statusCode(400).body("code", is("request.invalid-cursor"));
    }

    @Test
    void uploadsOverTheLimitAre413AndLeaveNoFile() throws Exception {
        byte[] big = new byte[(int) maxUploadSize + 200_000];
        new Random(seed).nextBytes(big);
        big[0] = (byte) 0x89; // looks like a PNG, but size is checked first
        author("bob").multiPart("file", "big.png", big, "image/png").post(ASSETS).then().statusCode(413)
                .contentType("application/problem+json").body("code", is("asset.too-large"));
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(Path.of(workDir)).isEmpty());
        // Without a Content-Length (chunked), the upload is measured once received: the same 413, nothing kept.
        HttpResponse<String> chunked = chunkedUpload(big);
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("\"code\":\"asset.too-large\""), chunked.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(Path.of(workDir)).isEmpty());
        // A JSON body is still held to the small limit.
        editor().contentType(ContentType.JSON).body("{\"title\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/articles").then().statusCode(413).body("code", is("request.too-large"));
    }

    /** A multipart upload sent with Transfer-Encoding: chunked (the body's length unknown in advance). */
    private static HttpResponse<String> chunkedUpload(byte[] file) throws Exception {
        String boundary = "kopij-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                new ByteArrayInputStream(file), new ByteArrayInputStream(tail))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + ASSETS))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(TestUserAuthenticationMechanism.HEADER, "bob:" + Api.AUTHOR)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
