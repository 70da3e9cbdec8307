package io.kopij.shared.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Keycloak answers, always as UP: without it only writes degrade (they answer 503) while reads go
 * on, so it must never take an instance out of the load balancer. The data tells operators what is degraded.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderHealth implements HealthCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Optional<String> authServerUrl;

    IdentityProviderHealth(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.authServerUrl = authServerUrl;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("identity-provider").up();
        if (authServerUrl.isEmpty()) {
            return response.withData("writes", "disabled: no identity provider configured").build();
        }
        boolean reachable;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(authServerUrl.get() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            reachable = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            reachable = false;
        }
        return response.withData("reachable", reachable)
                .withData("writes", reachable ? "available" : "degraded: requests with a token answer 503")
                .build();
    }
}
