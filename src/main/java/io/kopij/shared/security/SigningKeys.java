package io.kopij.shared.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HMAC keys for tokens the application issues itself. A configured secret wins; otherwise the key is generated
 * once and stored in the database (first writer wins), so every instance behind a load balancer signs and checks
 * with the same key. Keys never change, so caching them per instance is safe.
 */
@ApplicationScoped
public class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    SigningKeys(EntityManager em) {
        this.em = em;
    }

    public byte[] key(String name, Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] secret = configured.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("The configured secret for " + name + " must have at least 32 bytes");
            }
            return secret;
        }
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    /**
     * In a transaction of its own, committed before the key is cached: a key created inside the caller's
     * transaction would stay cached here if that transaction rolled back, and other instances would never see it.
     */
    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into signing_key (name, secret, created_at) values (:name, :secret, now()) "
                            + "on conflict (name) do nothing")
                    .setParameter("name", name).setParameter("secret", fresh).executeUpdate();
            return (byte[]) em.createNativeQuery("select secret from signing_key where name = :name")
                    .setParameter("name", name).getSingleResult();
        });
    }
}
