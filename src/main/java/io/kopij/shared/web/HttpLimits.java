package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Limits of the HTTP protocol, enforced before any resource and answered like every other error, as problem+json
 * with a stable code: the length and encoding of the address, and the size of the headers. (Bodies: the JSON
 * routes' limit is {@code RequestSizeFilter}'s, GraphQL's is its endpoint's.)
 *
 * <p>Vert.x answers requests beyond its own, higher, decoder limits ({@code quarkus.http.limits.*}) with an empty
 * 414/431 before any handler runs; Kopij's limits sit below those, so clients get a problem body. Quarkus checks
 * addresses with {@code java.net.URI} before routing and answers a bad one with an empty 400 unless
 * {@code vertx.disableURIValidation} is set, which {@code KopijMain} does: the same check then happens here.
 */
@ApplicationScoped
public class HttpLimits {

    /** Longest request line address (path and query), in characters. */
    static final int MAX_URI = 8192;
    /** Most header bytes (names and values) in a request. */
    static final int MAX_HEADERS = 16 * 1024;

    private final ObjectMapper json;

    HttpLimits(ObjectMapper json) {
        this.json = json;
    }

    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::checkAddressAndHeaders);
    }

    private void checkAddressAndHeaders(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            refuse(context, Problem.of(414, "request.uri-too-long", "URI too long",
                    "The address has " + uri.length() + " characters; the limit is " + MAX_URI, null, List.of()));
            return;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            refuse(context, Problem.of(400, "request.malformed-uri", "Invalid request",
                    "The address is not a valid URI (check its percent-encoding)", null, List.of()));
            return;
        }
        long headerBytes = 0;
        for (var header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            refuse(context, Problem.of(431, "request.headers-too-large", "Request header fields too large",
                    "The headers have " + headerBytes + " bytes; the limit is " + MAX_HEADERS, null, List.of()));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Cache-Control", "no-store");
        response.end(body);
    }
}
