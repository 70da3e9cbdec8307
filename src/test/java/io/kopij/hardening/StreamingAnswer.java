package io.kopij.hardening;

import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends a request to an endless stream (Server-Sent Events) in place of REST Assured, which would wait for the end of
 * the body: a streaming 2xx answer is read only as far as its status and headers, any other answer whole. Without it,
 * a fuzzed request whose headers happen to be valid for the stream never returns.
 */
final class StreamingAnswer implements Filter {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.getURI())).timeout(Duration.ofSeconds(30))
                    .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
            for (Header header : request.getHeaders()) {
                if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                    builder.header(header.getName(), header.getValue());
                }
            }
        } catch (IllegalArgumentException notSendableHere) {
            // A hostile header value or address java.net.http will not send: REST Assured sends it as it is (no
            // valid stream request has one, so the answer is an error with an end).
            return context.next(request, expected);
        }
        try {
            HttpResponse<InputStream> answer = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            byte[] body;
            try (InputStream stream = answer.body()) {
                boolean endless = answer.statusCode() < 300 && type.startsWith("text/event-stream");
                body = endless ? new byte[0] : stream.readAllBytes();
            }
            List<Header> headers = new ArrayList<>();
            answer.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
            return new ResponseBuilder().setStatusCode(answer.statusCode()).setStatusLine("HTTP/1.1 " + answer.statusCode())
                    .setHeaders(new Headers(headers)).setContentType(type).setBody(body).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
