package io.kopij.media;

import static io.restassured.RestAssured.given;

import io.kopij.support.Api;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Upload and download helpers for media tests. */
public final class MediaApi {

    public static final String ASSETS = "/api/v1/assets";

    private MediaApi() {
    }

    public static RequestSpecification author(String name) {
        return Api.as(name, Api.AUTHOR);
    }

    public static Response upload(RequestSpecification caller, byte[] bytes, String filename, String declaredType,
            String alt) {
        RequestSpecification request = caller.multiPart("file", filename, bytes, declaredType);
        if (alt != null) {
            request = request.multiPart("alt", alt);
        }
        return request.post(ASSETS);
    }

    public static Response upload(RequestSpecification caller, byte[] bytes, String filename) {
        return upload(caller, bytes, filename, "application/octet-stream", null);
    }

    /** Creates an asset and returns its id. */
    public static String create(byte[] bytes, String filename) {
        return upload(author("media-uploader"), bytes, filename).then().statusCode(201).extract().path("id");
    }

    public static String urlOf(String id) {
        return Api.editor().get(ASSETS + "/" + id).then().statusCode(200).extract().path("url");
    }

    /** The bytes at an asset URL, as anyone (no credentials) gets them. */
    public static byte[] download(String url) {
        return given().get(url).then().statusCode(200).extract().asByteArray();
    }

    /** Regular files below a directory (none when it does not exist). */
    public static List<Path> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
