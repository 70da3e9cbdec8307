package io.kopij.shared.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recognises the development realm (docker/keycloak/realm-cms.json) so that production never runs against it: its
 * users' passwords are their names and its public clients allow password grants. Two checks: the dev-mode issuer
 * URL, and asking the realm whether the dev and test clients exist with password grants enabled (a password grant
 * for a user that does not exist: "invalid_grant" means the client exists and would hand out tokens for passwords,
 * "invalid_client"/"unauthorized_client" means it does not or may not). No real credentials are ever sent.
 */
public final class DevRealmDetector {

    /** The development realm's issuer as dev mode runs it. */
    static final String DEV_ISSUER = "http://localhost:8180/realms/cms";
    /** Clients only the development realm has; each allows the password grant there. */
    static final List<String> DEV_CLIENTS = List.of("kopij-dev", "kopij-test-other-audience", "kopij-test-short-lived");

    /** What a check found. */
    public enum Verdict { CLEAN, DEV_REALM, UNREACHABLE }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    /** The configured URLs name the development realm itself. */
    public static Optional<String> devIssuerConfigured(String authServerUrl, Optional<String> issuer) {
        if (DEV_ISSUER.equals(strip(authServerUrl)) || issuer.map(DevRealmDetector::strip).filter(DEV_ISSUER::equals).isPresent()) {
            return Optional.of("the configured identity provider is the development realm at " + DEV_ISSUER);
        }
        return Optional.empty();
    }

    /** Asks the realm at {@code realmUrl} (e.g. https://sso.example.org/realms/cms) for the dev clients. */
    public Verdict check(String realmUrl) {
        URI token = URI.create(strip(realmUrl) + "/protocol/openid-connect/token");
        for (String client : DEV_CLIENTS) {
            String form = "grant_type=password&client_id=" + encode(client) + "&username="
                    + encode("kopij-startup-check-" + UUID.randomUUID()) + "&password=" + encode(UUID.randomUUID().toString());
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = response.body().replace(" ", "");
                if (response.statusCode() == 200 || body.contains("\"error\":\"invalid_grant\"")) {
                    return Verdict.DEV_REALM;
                }
                if (response.statusCode() >= 500 || response.statusCode() == 404) {
                    return Verdict.UNREACHABLE; // not (yet) a realm answering token requests
                }
            } catch (IOException e) {
                return Verdict.UNREACHABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.UNREACHABLE;
            }
        }
        return Verdict.CLEAN;
    }

    private static String strip(String url) {
        return url == null ? "" : url.replaceAll("/+$", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
