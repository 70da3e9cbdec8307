package io.kopij.delivery;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The last response filter of a public GET that {@link PublicAnswers} let through: an answer that is shareable
 * ({@code Cache-Control: public}, 200, rendered to bytes by HttpCaching) gets the watermark ETag and is kept in the
 * {@link RenderCache} under the watermark read before it was rendered.
 */
public class RenderCapture {

    /** Runs after every response filter of default priority (response filters run from high to low). */
    static final int PRIORITY = 10;
    /** Runs before them, while the ETag is still the one the resource set (its version, if any). */
    static final int BEFORE = 9000;
    private static final String VERSION = "kopij.delivery.version";
    private static final Set<String> PER_REQUEST = Set.of("x-request-id", "date", "content-length", "etag",
            "transfer-encoding", "connection", "set-cookie", "content-encoding");

    private final RenderCache cache;

    RenderCapture(RenderCache cache) {
        this.cache = cache;
    }

    @ServerResponseFilter(priority = BEFORE)
    public void recordVersion(ContainerResponseContext response, RoutingContext context) {
        if (context.get(PublicAnswers.PENDING) != null) {
            String version = versionOf(response.getHeaderString(HttpHeaders.ETAG));
            if (version != null) {
                context.put(VERSION, version);
            }
        }
    }

    @ServerResponseFilter(priority = PRIORITY)
    public void capture(ContainerResponseContext response, RoutingContext context) {
        PublicAnswers.Pending pending = context.get(PublicAnswers.PENDING);
        if (pending == null || response.getStatus() != 200) {
            return;
        }
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        Object entity = response.getEntity();
        byte[] body = entity instanceof byte[] bytes ? bytes
                : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
        if (cacheControl == null || !cacheControl.startsWith("public") || body == null) {
            return;
        }
        String version = context.get(VERSION);
        String etag = "\"" + (version == null ? "" : version + "-") + pending.tag() + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (!cache.enabled()) {
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean typed = false;
        for (var header : response.getStringHeaders().entrySet()) {
            String name = header.getKey();
            if (PER_REQUEST.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            typed |= name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE);
            for (String value : header.getValue()) {
                headers.add(Map.entry(name, value));
            }
        }
        if (!typed && response.getMediaType() != null) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getMediaType().toString()));
        }
        cache.put(pending.request(), pending.watermark(), new Rendered(body, etag, List.copyOf(headers)));
    }

    /** The version a resource's own ETag names ("3" of "\"3\""), or null. */
    static String versionOf(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.replace("\"", "").trim();
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit) ? value : null;
    }
}
