package io.kopij.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by the test Keycloak through the password grant, cached for a minute per user and client. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
    }

    private Tokens() {
    }

    /** A token for a dev/test user of the cms realm (password = user name) from the kopij-dev client. */
    public static String of(String user) {
        return of(user, "kopij-dev");
    }

    public static String of(String user, String clientId) {
        String key = user + "@" + clientId;
        Cached cached = CACHE.get(key);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAt < 60_000 && !clientId.contains("short")) {
            return cached.token;
        }
        String token = fetch(user, user, clientId);
        CACHE.put(key, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    public static HttpResponse<String> passwordGrant(String user, String password, String clientId) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(user)
                + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + realmUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String realmUrl() {
        String base = System.getProperty(KeycloakTestResource.BASE_URL_PROPERTY);
        if (base == null) {
            throw new IllegalStateException("The Keycloak test resource has not started");
        }
        return base + "/realms/cms";
    }

    private static String fetch(String user, String password, String clientId) {
        HttpResponse<String> response = passwordGrant(user, password, clientId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
