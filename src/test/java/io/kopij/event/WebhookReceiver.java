package io.kopij.event;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real webhook receiver for tests: a Vert.x HTTP server on 127.0.0.1 with one endpoint per name
 * ({@code /hooks/<name>}). It records every request with the time it arrived, checks Standard Webhooks
 * signatures against the secrets a test gives it, and answers as scripted: a status, or a delay longer than the
 * sender's timeout, per request in order, then 200s.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String endpoint, String id, String timestamp, String signature, String body,
            long receivedNanos, long receivedMillis) {
    }

    /** A scripted answer: a status after a delay. */
    public record Answer(int status, long delayMillis) {
        public static Answer status(int status) {
            return new Answer(status, 0);
        }

        public static Answer slow(long delayMillis) {
            return new Answer(200, delayMillis);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> defaults = new ConcurrentHashMap<>();

    public WebhookReceiver(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url(String endpoint) {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks/" + endpoint;
    }

    /** The next answers of an endpoint, in order; after them the endpoint's default (200). */
    public void script(String endpoint, Answer... answers) {
        scripts.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** What an endpoint answers once its script is used up. */
    public void answerByDefault(String endpoint, Answer answer) {
        defaults.put(endpoint, answer);
    }

    public List<Received> received(String endpoint) {
        List<Received> result = new ArrayList<>();
        for (Received r : received) {
            if (r.endpoint().equals(endpoint)) {
                result.add(r);
            }
        }
        return result;
    }

    /** Whether the signature header carries a valid v1 signature for this secret (Standard Webhooks). */
    public static boolean verifies(Received request, String secret) {
        String expected = sign(secret, request.id(), request.timestamp(), request.body());
        for (String candidate : request.signature().split(" ")) {
            if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /** The receiver side of the spec, written independently of the sender's code. */
    static String sign(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        String endpoint = path.startsWith("/hooks/") ? path.substring("/hooks/".length()) : path;
        request.body().onSuccess(body -> {
            received.add(new Received(endpoint, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                    request.getHeader("webhook-signature"), body.toString(StandardCharsets.UTF_8), System.nanoTime(),
                    System.currentTimeMillis()));
            Deque<Answer> script = scripts.get(endpoint);
            Answer answer = null;
            if (script != null) {
                synchronized (script) {
                    answer = script.pollFirst();
                }
            }
            if (answer == null) {
                answer = defaults.getOrDefault(endpoint, Answer.status(200));
            }
            Answer chosen = answer;
            Runnable reply = () -> {
                if (!request.response().closed() && !request.response().ended()) {
                    request.response().setStatusCode(chosen.status()).end("answer " + chosen.status() + " from " + endpoint);
                }
            };
            if (chosen.delayMillis() > 0) {
                vertx.setTimer(chosen.delayMillis(), t -> reply.run());
            } else {
                reply.run();
            }
        });
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
