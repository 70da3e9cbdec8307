package io.kopij.media;

import static io.kopij.media.MediaApi.ASSETS;
import static io.kopij.media.MediaApi.author;
import static io.kopij.media.MediaApi.create;
import static io.kopij.media.MediaApi.download;
import static io.kopij.media.MediaApi.filesIn;
import static io.kopij.media.MediaApi.upload;
import static io.kopij.media.MediaApi.urlOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.media.storage.MediaStorage;
import io.kopij.support.Api;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Uploads, renditions and deletion through real HTTP, the real database and a real store. Runs once per store:
 * {@link LocalStorageAssetTest} (files on disk) and {@link S3StorageAssetTest} (S3Proxy over the S3 protocol).
 */
abstract class AssetStorageContract {

    @Inject
    MediaStorage storage;

    @Inject
    AssetRepository assets;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kopij.media.work-dir")
    String workDir;

    private long seed = System.nanoTime();

    @Test
    void uploadsEachFormatAndServesItWithoutMetadata() throws Exception {
        Map<String, byte[]> images = Map.of(
                "image/jpeg", TestImages.jpeg(300, 200, ++seed),
                "image/png", TestImages.png(300, 200, ++seed),
                "image/webp", TestImages.webp(300, 200, ++seed),
                "image/gif", TestImages.gif(300, 200, ++seed));
        for (var image : images.entrySet()) {
            byte[] bytes = image.getValue();
            var created = upload(author("bob"), bytes, "Mijn Foto.bin", "application/octet-stream", "Een foto")
                    .then().statusCode(201).contentType(ContentType.JSON)
                    .header("Location", containsString(ASSETS + "/")).header("ETag", "\"0\"")
                    .body("mimeType", is(image.getKey()), "width", is(300), "height", is(200),
                            "bytes", is(bytes.length), "sha256", is(sha256(bytes)), "alt", is("Een foto"),
                            "focalPoint.x", is(0.5f), "focalPoint.y", is(0.5f), "widths", hasItem(640),
                            "url", startsWith(ASSETS + "/"), "url", containsString("/v1/mijn-foto."))
                    .extract();
            String id = created.path("id");
            assertTrue(storage.exists(AssetService.originalKey(sha256(bytes))), "the upload is stored");
            byte[] served = given().get(created.<String>path("url")).then().statusCode(200)
                    .contentType(image.getKey()).header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("Surrogate-Key", "asset:" + id).header("Cache-Tag", "asset:" + id)
                    .extract().asByteArray();
            BufferedImage decoded = TestImages.decode(served);
            assertEquals(300, decoded.getWidth(), image.getKey());
            Api.editor().get(created.header("Location")).then().statusCode(200).body("id", is(id));
        }
    }

    @Test
    void hostileUploadsAreRefusedAndStoreNothing() throws Exception {
        long rows = rowCount();
        List<String> stored = storage.list("");
        record Hostile(byte[] bytes, String name, String type, int status, String code) {
        }
        List<Hostile> hostile = List.of(
                new Hostile(TestImages.wrongMagic(), "photo.jpg", "image/jpeg", 415, "asset.unsupported-format"),
                new Hostile(TestImages.truncated(TestImages.jpeg(400, 300, ++seed)), "cut.jpg", "image/jpeg", 422,
                        "asset.corrupt"),
                new Hostile(TestImages.truncated(TestImages.png(400, 300, ++seed)), "cut.png", "image/png", 422,
                        "asset.corrupt"),
                new Hostile(TestImages.pngBomb(), "bomb.png", "image/png", 422, "asset.too-many-pixels"),
                new Hostile(TestImages.zip(), "photos.zip", "application/zip", 415, "asset.unsupported-format"),
                new Hostile(TestImages.svgWithScript(), "logo.svg", "image/svg+xml", 415, "asset.unsupported-format"),
                new Hostile(new byte[0], "empty.png", "image/png", 415, "asset.unsupported-format"));
        for (Hostile file : hostile) {
            upload(author("mallory"), file.bytes(), file.name(), file.type(), null).then()
                    .statusCode(file.status()).contentType("application/problem+json")
                    .body("code", is(file.code()), "status", is(file.status()), "instance", is(ASSETS));
        }
        assertEquals(rows, rowCount(), "no asset row");
        assertEquals(stored, storage.list(""), "no stored object");
        Path uploads = Path.of(workDir);
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(uploads).isEmpty());
    }

    @Test
    void theSameBytesAreOneAssetWithItsMetadataUnchanged() {
        byte[] bytes = TestImages.png(120, 80, ++seed);
        String id = upload(author("bob"), bytes, "a.png", "image/png", "Eerste").then().statusCode(201)
                .extract().path("id");
        upload(author("erin"), bytes, "b.png", "image/png", "Tweede").then().statusCode(200)
                .header("Location", is((String) null))
                .body("id", is(id), "alt", is("Eerste"), "filename", is("a.png"));
    }

    @Test
    void renditionsHaveTheAskedSizeFormatAndCaching() {
        String url = urlOf(create(TestImages.jpeg(1200, 800, ++seed), "groot.jpg"));
        BufferedImage webp = TestImages.decode(download(url + "?w=640&fm=webp"));
        assertEquals(640, webp.getWidth());
        assertEquals(427, webp.getHeight());
        byte[] png = given().get(url + "?w=320&h=320&fit=cover&fm=png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertEquals(320, TestImages.decode(png).getWidth());
        assertEquals(320, TestImages.decode(png).getHeight());
        var jpeg = given().get(url + "?h=90&q=50").then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable").extract();
        assertEquals(90, TestImages.decode(jpeg.asByteArray()).getHeight());
        assertEquals(135, TestImages.decode(jpeg.asByteArray()).getWidth());
        String etag = jpeg.header("ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), "a strong ETag");
        given().header("If-None-Match", etag).get(url + "?h=90&q=50").then().statusCode(304);
        // No upscaling: a width above the picture's serves the picture's own size.
        assertEquals(1200, TestImages.decode(download(url + "?w=2560&fm=webp")).getWidth());

        given().get(url + "?w=333").then().statusCode(400).contentType("application/problem+json")
                .body("code", is("asset.invalid-rendition"), "errors[0].field", is("w"),
                        "errors[0].message", containsString("640"));
        given().get(url + "?fm=gif&fit=stretch&q=101&width=3").then().statusCode(400)
                .body("errors.field", hasItem("fm"), "errors.field", hasItem("fit"), "errors.field", hasItem("q"),
                        "errors.field", hasItem("width"));
        given().get(url.replaceAll("/assets/[^/]+/", "/assets/" + UUID.randomUUID() + "/"))
                .then().statusCode(404).contentType("application/problem+json").body("code", is("asset.not-found"));
    }

    @Test
    void coverCropsFollowTheFocalPointAndMoveTheUrl() {
        String id = create(TestImages.encode(TestImages.redLeftQuarter(800, 200, ++seed), "png"), "rood.png");
        String v1 = urlOf(id);
        String crop = "?w=160&h=160&fit=cover&fm=png";
        BufferedImage centred = TestImages.decode(download(v1 + crop));
        assertEquals(Color.BLUE.getRGB(), centred.getRGB(5, 80), "the centre crop misses the red left quarter");

        String v2 = Api.editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("focalPoint", Map.of("x", 0.05, "y", 0.5))).patch(ASSETS + "/" + id)
                .then().statusCode(200).body("focalPoint.x", is(0.05f)).extract().path("url");
        assertNotEquals(v1, v2);
        assertTrue(v2.contains("/v2/"));
        BufferedImage left = TestImages.decode(download(v2 + crop));
        assertEquals(Color.RED.getRGB(), left.getRGB(5, 80), "the crop around the focal point keeps the red");
        // The old URL keeps serving what it served; one never made moves to the current version.
        assertEquals(Color.BLUE.getRGB(), TestImages.decode(download(v1 + crop)).getRGB(5, 80));
        given().redirects().follow(false).get(v1 + "?w=320&h=320&fit=cover&fm=png").then().statusCode(301)
                .header("Location", endsWith(v2.substring(v2.indexOf(ASSETS)) + "?w=320&h=320&fit=cover&fm=png"));
    }

    @Test
    void exifAndGpsAreNeverServed() {
        byte[] camera = TestImages.jpegWithExifGps(64, 32, ++seed); // stored sideways, orientation 6
        String id = upload(author("bob"), camera, "vakantie.jpg", "image/jpeg", null).then().statusCode(201)
                .body("width", is(32), "height", is(64)).extract().path("id");
        String url = urlOf(id);
        for (String variant : List.of("", "?w=160&fm=jpeg", "?w=160&fm=webp", "?w=160&fm=png")) {
            byte[] served = download(url + variant);
            String text = new String(served, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("Exif") || text.contains("EXIF") || text.contains("GPS")
                    || text.contains("xmpmeta") || text.contains("Shot at home"), "metadata in " + variant);
            if (variant.isEmpty() || variant.endsWith("jpeg")) {
                assertFalse(TestImages.jpegMarkers(served).contains(0xe1), "APP1 in " + variant);
            }
            BufferedImage decoded = TestImages.decode(served);
            assertTrue(decoded.getHeight() > decoded.getWidth(), "orientation applied in " + variant);
        }
    }

    @Test
    void concurrentFirstRequestsMakeOneRender() throws Exception {
        String url = urlOf(create(TestImages.jpeg(1600, 1000, ++seed), "druk.jpg")) + "?w=480&h=270&fit=cover&fm=webp";
        double before = renders();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                requests.add(() -> given().get(url).then().statusCode(200).extract().header("ETag"));
            }
            List<String> etags = new ArrayList<>();
            for (Future<String> response : clients.invokeAll(requests)) {
                etags.add(response.get());
            }
            assertEquals(1, Set.copyOf(etags).size(), "every client got the same rendition");
        } finally {
            clients.shutdownNow();
        }
        assertEquals(before + 1, renders(), "twelve first requests, one render");
    }

    @Test
    void deletingAnAssetRemovesItsFilesAndUrls() throws Exception {
        byte[] bytes = TestImages.jpeg(500, 300, ++seed);
        String id = create(bytes, "weg.jpg");
        String url = urlOf(id);
        download(url + "?w=160&fm=webp");
        assertFalse(storage.list("assets/" + id + "/").isEmpty());
        author("media-uploader").delete(ASSETS + "/" + id).then().statusCode(403);
        Api.editor().delete(ASSETS + "/" + id).then().statusCode(204);
        Api.editor().get(ASSETS + "/" + id).then().statusCode(404).body("code", is("asset.not-found"));
        assertEquals(List.of(), storage.list("assets/" + id + "/"));
        assertFalse(storage.exists(AssetService.originalKey(sha256(bytes))));
        given().get(url + "?w=160&fm=webp").then().statusCode(404);
        given().get(url).then().statusCode(404).header("Cache-Control", not(containsString("immutable")));
    }

    private double renders() {
        return metrics.find("kopij.media.renders").counters().stream().mapToDouble(Counter::count).sum();
    }

    private long rowCount() {
        return QuarkusTransaction.requiringNew().call(() -> assets.count());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
