package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.shared.cache.AnswerTags;
import io.kopij.shared.cache.CachePolicy;
import io.kopij.shared.cache.CacheTags;
import io.kopij.shared.cache.ListingTag;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HTTP caching for every REST GET: a strong ETag over the exact bytes sent (plus the resource version, so the same
 * tag also works for If-Match), 304 for a matching If-None-Match, Last-Modified on details, and Cache-Control:
 * public with a short max-age and stale-while-revalidate for what anonymous readers get, private/no-store for
 * anything that depends on who asks. Public answers name the entities they show in cache-tag headers
 * ({@link CachePolicy}), so a CDN can hold them long and drop them when one changes. There is no server-side cache: the next uncached request always sees the
 * latest write, on every instance.
 */
public class HttpCaching {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Map<Method, String> LISTINGS = new ConcurrentHashMap<>();

    private final ObjectMapper json;
    private final CurrentIdentityAssociation identity;
    private final CachePolicy policy;
    private final AnswerTags answerTags;

    HttpCaching(ObjectMapper json, CurrentIdentityAssociation identity, CachePolicy policy, AnswerTags answerTags) {
        this.json = json;
        this.identity = identity;
        this.policy = policy;
        this.answerTags = answerTags;
    }

    /** Implemented by views that have a last-modified time. */
    public interface LastModified {
        Instant updatedAt();
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !cached(request.getUriInfo().getPath())) {
            return;
        }
        var headers = response.getHeaders();
        headers.putSingle(HttpHeaders.VARY, "Authorization, Preview-Token, Accept-Encoding");
        int status = response.getStatus();
        boolean personal = isPersonal(request);
        if (status >= 400) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, personal ? "private, no-store" : policy.publicCacheControl());
        }
        if (status != 200 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        // Read from the header map this filter writes to: the string view may be a copy taken by an earlier filter.
        Object cacheControlValue = headers.getFirst(HttpHeaders.CACHE_CONTROL);
        String cacheControl = cacheControlValue == null ? null : cacheControlValue.toString();
        if (!personal && cacheControl != null && cacheControl.startsWith("public")) {
            CacheTags tags = CacheTags.collect(entity).plus(answerTags.tags());
            String listing = listingOf(resource);
            if (!listing.isEmpty()) {
                tags = tags.plus(List.of(listing));
            }
            policy.putTagHeaders(tags, headers::putSingle);
        }
        if (entity instanceof LastModified modified && modified.updatedAt() != null) {
            headers.putSingle(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(modified.updatedAt()));
        }
        byte[] body;
        try {
            body = entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return; // leave it to the normal writer, which will report the failure
        }
        String version = versionOf(response.getHeaderString(HttpHeaders.ETAG));
        String tag = "\"" + (version == null ? "" : version + "-") + ETags.hash(body) + "\"";
        headers.putSingle(HttpHeaders.ETAG, tag);
        if (ETags.noneMatchNames(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        MediaType type = entity instanceof byte[] && response.getMediaType() != null ? response.getMediaType()
                : MediaType.APPLICATION_JSON_TYPE;
        response.setEntity(body, null, type);
    }

    /** The API, and the feeds and sitemaps at the root. */
    private static boolean cached(String path) {
        return path.startsWith("/api/") || path.startsWith("/feeds/") || path.startsWith("/sitemaps/");
    }

    /** The coarse key of a list answer ({@link ListingTag}), or "". */
    private static String listingOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "";
        }
        return LISTINGS.computeIfAbsent(method, m -> {
            ListingTag listing = m.getAnnotation(ListingTag.class);
            return listing == null ? "" : listing.value();
        });
    }

    /**
     * Authenticated callers (and previews) may see what others may not: never share their answers. Decided
     * without blocking (this filter may run on the I/O thread): credentials in the request, or an identity the
     * request has already resolved.
     */
    private boolean isPersonal(ContainerRequestContext request) {
        if (request.getHeaderString("Preview-Token") != null || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        var resolved = identity.getDeferredIdentity().subscribeAsCompletionStage();
        if (resolved.isDone() && !resolved.isCompletedExceptionally()) {
            SecurityIdentity caller = resolved.getNow(null);
            return caller != null && !caller.isAnonymous();
        }
        return false;
    }

    /** The version part of an ETag a resource set ("3" for "\"3\""), or null. */
    private static String versionOf(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.replace("\"", "").trim();
        return value.chars().allMatch(Character::isDigit) && !value.isEmpty() ? value : null;
    }
}
