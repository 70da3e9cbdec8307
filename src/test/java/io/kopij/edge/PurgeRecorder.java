package io.kopij.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for Varnish, Fastly's and Cloudflare's APIs and a generic purge endpoint: it records
 * every request (method, path, the purge headers, body) and answers as scripted per path (a status per request in
 * order, then 200). Started as a test resource, so the application is configured with its URL; tests read and script
 * it over HTTP ({@code GET /_recorded}, {@code POST /_script?path=...&status=...}), which works whatever class loader
 * the test runs in.
 */
public class PurgeRecorder implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String PORT_PROPERTY = "io.kopij.test.purge-recorder-port";

    private HttpServer server;
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.getAddress().getPort()));
        return Map.of(
                "kopij.purge.varnish.urls", base + "/varnish-a," + base + "/varnish-b",
                "kopij.purge.http.urls", base + "/generic",
                "kopij.purge.http.authorization", "Bearer generic-secret",
                "kopij.purge.fastly.service-id", "svc123",
                "kopij.purge.fastly.api-token", "fastly-token",
                "kopij.purge.fastly.soft-purge", "true",
                "kopij.purge.fastly.api-url", base + "/fastly",
                "kopij.purge.cloudflare.zone-id", "zone9",
                "kopij.purge.cloudflare.api-token", "cf-token",
                "kopij.purge.cloudflare.api-url", base + "/cloudflare/client/v4");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] answer = new byte[0];
        int status = 200;
        if (path.equals("/_recorded")) {
            ArrayNode all = JSON.createArrayNode();
            received.forEach(all::add);
            answer = JSON.writeValueAsBytes(all);
        } else if (path.equals("/_script")) {
            Map<String, String> query = query(exchange.getRequestURI().getQuery());
            scripts.computeIfAbsent(query.get("path"), p -> new ArrayDeque<>())
                    .add(Integer.parseInt(query.get("status")));
        } else {
            ObjectNode request = JSON.createObjectNode();
            request.put("method", exchange.getRequestMethod());
            request.put("path", path);
            for (String header : List.of("xkey", "Kopij-Purge-Id", "Fastly-Key", "Fastly-Soft-Purge", "Authorization", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.put(header.toLowerCase(), value);
                }
            }
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            request.put("at", System.currentTimeMillis());
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            status = scripted == null ? 200 : scripted;
            request.put("status", status);
            received.add(request);
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new ConcurrentHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    // Test side: talks to the recorder over HTTP.

    static String base() {
        return "http://127.0.0.1:" + System.getProperty(PORT_PROPERTY);
    }

    /** Every request received so far, in order. */
    static List<JsonNode> recorded() {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/_recorded")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> all = new java.util.ArrayList<>();
            JSON.readTree(response.body()).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next request to {@code path} is answered with {@code status}. */
    static void failNext(String path, int status) {
        try {
            CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/_script?path="
                    + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8) + "&status=" + status))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
