package io.kopij.shared.graphql;

import io.kopij.shared.cache.CachePolicy;
import io.kopij.shared.cache.CacheTags;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;

/**
 * HTTP caching of GraphQL over GET, the same as REST's (HttpCaching): an anonymous query that ran without errors is
 * {@code Cache-Control: public} with a strong ETag over the bytes, a 304 for a matching If-None-Match, and the cache
 * tags of what it fetched; a query by a signed-in caller, with a preview token, or with errors is not shared.
 * POST answers are not cacheable (HTTP caches do not key on bodies) and get no caching headers.
 */
@ApplicationScoped
public class GraphQLCaching {

    private final CachePolicy policy;

    GraphQLCaching(CachePolicy policy) {
        this.policy = policy;
    }

    /**
     * Puts the caching headers of a GET answer; true when it answered 304 itself (the caller then sends nothing).
     */
    boolean answer(RoutingContext context, GraphQLHttpRequest request, boolean personal, boolean failed,
            Collection<String> keys, String body) {
        if (!request.method().equals("GET")) {
            return false;
        }
        HttpServerResponse response = context.response();
        response.putHeader("Vary", "Authorization, Preview-Token, Accept, Accept-Encoding");
        if (personal || failed) {
            response.putHeader("Cache-Control", personal ? "private, no-store" : "no-store");
            return false;
        }
        response.putHeader("Cache-Control", policy.publicCacheControl());
        policy.putTagHeaders(CacheTags.of(keys), response::putHeader);
        String etag = "\"" + hash(body) + "\"";
        response.putHeader("ETag", etag);
        if (matches(context.request().getHeader("If-None-Match"), etag)) {
            response.setStatusCode(304).end();
            return true;
        }
        return false;
    }

    /** Whether the query may show what only some callers may see (a preview token reads drafts). */
    static boolean personalQuery(GraphQLHttpRequest request, RoutingContext context) {
        return context.request().getHeader("Preview-Token") != null
                || (request.query() != null && request.query().contains("previewToken"));
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
