package io.kopij.shared.security;

import io.kopij.shared.config.KopijConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Production refuses the development realm ({@link DevRealmDetector}): at startup when the configuration names it,
 * moments after startup when the realm answers like it (asked on a thread of its own, not on the startup path),
 * and later, once the identity provider can be reached, if it could not at first.
 * {@code kopij.security.allow-dev-realm=true} is for local trials, tests and benchmarks only.
 */
@ApplicationScoped
@IfBuildProfile("prod")
public class DevRealmGuard {

    private static final Logger LOG = Logger.getLogger(DevRealmGuard.class);

    private final KopijConfig.Security config;
    private final Optional<String> authServerUrl;
    private final Optional<String> issuer;
    /** Made on the guard's own thread: building its HTTP client (TLS set-up included) costs startup a fifth of a second. */
    private DevRealmDetector detector;
    private ScheduledExecutorService retry;

    DevRealmGuard(KopijConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer) {
        this.config = config.security();
        this.authServerUrl = authServerUrl;
        this.issuer = issuer;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.allowDevRealm() || authServerUrl.isEmpty()) {
            return;
        }
        DevRealmDetector.devIssuerConfigured(authServerUrl.get(), issuer).ifPresent(reason -> {
            throw refusal(reason);
        });
        // The realm itself is asked off the startup path (an HTTP client and a round trip cost a second or more of a
        // start that should take under three): a development realm stops the instance moments after it started.
        retry = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kopij-dev-realm-guard");
            thread.setDaemon(true);
            return thread;
        });
        retry.execute(() -> {
            switch (askRealm()) {
                case DEV_REALM -> stop();
                case UNREACHABLE -> checkLater();
                case CLEAN -> {
                    LOG.debug("The identity provider's realm is not the development realm");
                    retry.shutdown();
                }
            }
        });
    }

    private void stop() {
        LOG.error(refusal("the realm at " + authServerUrl.get() + " has the development clients").getMessage());
        retry.shutdown();
        Quarkus.asyncExit(1);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (retry != null) {
            retry.shutdownNow();
        }
    }

    /** Keycloak may start after Kopij: check once it answers, and stop Kopij if it is the development realm. */
    private void checkLater() {
        LOG.warnf("Cannot reach %s to check that it is not the development realm; checking again every 30 s",
                authServerUrl.get());
        retry.scheduleWithFixedDelay(() -> {
            switch (askRealm()) {
                case DEV_REALM -> stop();
                case CLEAN -> retry.shutdown();
                case UNREACHABLE -> { }
            }
        }, 30, 30, TimeUnit.SECONDS);
    }

    /** Only ever called on the guard's single thread. */
    private DevRealmDetector.Verdict askRealm() {
        if (detector == null) {
            detector = new DevRealmDetector();
        }
        return detector.check(authServerUrl.get());
    }

    private static IllegalStateException refusal(String reason) {
        return new IllegalStateException("Refusing to start in production: " + reason + ". Its users' passwords are "
                + "their names and its clients hand out tokens for passwords. Import docker/keycloak/realm-cms.prod.json "
                + "(or your own realm) instead; for a local trial only, set kopij.security.allow-dev-realm=true.");
    }
}
