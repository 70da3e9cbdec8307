package io.kopij.event.webhook;

import io.kopij.event.EventsConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one signed attempt with Vert.x's non-blocking HTTP client: no thread waits on a slow endpoint, and every
 * attempt has a hard deadline (connecting included) after which it is reset and counts as a failure. The request
 * goes to the address the SSRF guard checked, with the URL's host in Host and SNI. Redirects are not followed.
 */
@ApplicationScoped
public class DeliverySender {

    static final String USER_AGENT = "Kopij-Webhooks/1";

    private final Vertx vertx;
    private final long timeoutMillis;
    private final HttpClient client;
    /**
     * Every attempt starts on this one event-loop context, so a response is handed to the code below on the thread
     * that reads it, in the same tick: its body cannot slip past before the handler is set.
     */
    private final Context context;

    DeliverySender(Vertx vertx, EventsConfig config) {
        this.vertx = vertx;
        this.timeoutMillis = config.webhooks().timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setKeepAlive(true)
                // Per server address, and several endpoints may share one: the worker limits each endpoint.
                .setMaxPoolSize(Math.max(1, config.webhooks().maxInFlight()))
                .setForceSni(true)
                .setVerifyHost(true));
        this.context = vertx.getOrCreateContext();
    }

    CompletionStage<AttemptResult> send(Claimed delivery, URI uri, InetAddress address) {
        CompletableFuture<AttemptResult> done = new CompletableFuture<>();
        long started = System.nanoTime();
        long timestamp = Instant.now().getEpochSecond();
        String id = delivery.eventId().toString();
        String signature = Signatures.sign(delivery.secret(), id, timestamp, delivery.payload());
        if (delivery.previousSecret() != null && delivery.previousSecretExpiresAt() != null
                && delivery.previousSecretExpiresAt().isAfter(Instant.now())) {
            signature += " " + Signatures.sign(delivery.previousSecret(), id, timestamp, delivery.payload());
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        context.runOnContext(v -> start(done, options, delivery.payload(), started));
        return done;
    }

    private void start(CompletableFuture<AttemptResult> done, RequestOptions options, String payload, long started) {
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMillis, t -> {
            if (done.complete(AttemptResult.failed(elapsed(started), "timed out after " + timeoutMillis + " ms"))) {
                HttpClientRequest sent = request.get();
                if (sent != null) {
                    sent.reset();
                }
            }
        });
        client.request(options)
                .compose(req -> {
                    request.set(req);
                    return req.send(Buffer.buffer(payload, StandardCharsets.UTF_8.name()));
                })
                .onSuccess(response -> {
                    Buffer excerpt = Buffer.buffer();
                    try {
                        response.handler(chunk -> {
                            if (excerpt.length() < AttemptResult.EXCERPT) {
                                excerpt.appendBuffer(chunk.length() > AttemptResult.EXCERPT
                                        ? chunk.slice(0, AttemptResult.EXCERPT) : chunk);
                            }
                        });
                        response.exceptionHandler(failure -> finish(done, timer,
                                AttemptResult.failed(elapsed(started), "answer interrupted: " + failure.getMessage())));
                        response.endHandler(end -> finish(done, timer, new AttemptResult(response.statusCode(),
                                elapsed(started), text(excerpt), null)));
                    } catch (IllegalStateException alreadyEnded) {
                        // The whole answer was read already: the status is what counts.
                        finish(done, timer, new AttemptResult(response.statusCode(), elapsed(started), null, null));
                    }
                })
                .onFailure(failure -> finish(done, timer, AttemptResult.failed(elapsed(started),
                        failure.getClass().getSimpleName() + ": " + failure.getMessage())));
    }

    private void finish(CompletableFuture<AttemptResult> done, long timer, AttemptResult result) {
        vertx.cancelTimer(timer);
        done.complete(result);
    }

    private static String text(Buffer excerpt) {
        if (excerpt.length() == 0) {
            return null;
        }
        String text = new String(excerpt.getBytes(0, Math.min(excerpt.length(), AttemptResult.EXCERPT)),
                StandardCharsets.UTF_8);
        text = text.replace((char) 0, ' '); // PostgreSQL text cannot hold NUL
        return text.length() > AttemptResult.EXCERPT ? text.substring(0, AttemptResult.EXCERPT) : text;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
