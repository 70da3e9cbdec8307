package io.kopij.devservices.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * When a starting Keycloak is ready: its health endpoint says UP and the realm's discovery document names the
 * expected issuer (only then are tokens it issues accepted by Kopij).
 */
final class KeycloakReadiness {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private KeycloakReadiness() {
    }

    /**
     * Polls until ready; {@code alive} is asked between polls, and an exit or the timeout ends the wait with an
     * exception that carries the log's tail.
     */
    static void await(String instance, int httpPort, int managementPort, String realm, String realmUrl,
            Duration timeout, BooleanSupplier alive, Path logFile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        URI discovery = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + realm
                + "/.well-known/openid-configuration");
        String expectedIssuer = "\"issuer\":\"" + realmUrl + "\"";
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("Keycloak " + instance + " exited before it became ready; "
                        + "log " + logFile + ":\n" + logTail(logFile, 60));
            }
            if (get(health).map(body -> body.contains("UP")).orElse(false)
                    && get(discovery).map(body -> body.replace(" ", "").contains(expectedIssuer)).orElse(false)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new NotReadyException("Keycloak " + instance + " was not ready at " + discovery
                        + " within " + timeout.toSeconds() + " s; log " + logFile + ":\n" + logTail(logFile, 60));
            }
            KeycloakProcesses.sleep(250);
        }
    }

    /** Keycloak runs but did not become ready in time (the caller stops it). */
    static final class NotReadyException extends IllegalStateException {
        NotReadyException(String message) {
            super(message);
        }
    }

    private static Optional<String> get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static String logTail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }
}
