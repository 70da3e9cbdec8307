package io.kopij.delivery;

import io.kopij.shared.cache.RenderedAnswers;
import io.kopij.shared.config.KopijConfig;
import io.kopij.shared.ops.RequestIds;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers anonymous GETs of public content from the content watermark, before routing, on the I/O thread, without
 * touching the database: a 304 when If-None-Match names the watermark ETag of this request, and the rendered
 * answer from the {@link RenderCache} when it holds one for the current watermark. Everything else goes on to the
 * resources; {@link RenderCapture} then gives their public answers the watermark ETag and keeps them.
 * <p>
 * Public ETags are {@code "<version>-w<watermark>.<request hash>"} (the version only where the resource has one,
 * so If-Match keeps working): the same request at the same watermark gets the same tag on every instance.
 * Requests carrying any of {@code kopij.delivery.personal-headers} never get an answer from here.
 */
@ApplicationScoped
public class PublicAnswers implements RenderedAnswers {

    /** Routing-context key of a request whose answer may be captured. */
    static final String PENDING = "kopij.delivery.pending";
    /** Paths whose anonymous answers are public content (the rest, e.g. sync and streams, is left alone). */
    private static final List<String> PREFIXES = List.of("/api/v1/articles", "/api/v1/authors", "/api/v1/tags",
            "/graphql", "/feeds/", "/sitemaps/");
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

    /** What {@link RenderCapture} needs to finish a request this filter let through. */
    record Pending(PublicRequest request, long watermark, String tag) {
    }

    private final ContentWatermark watermark;
    private final RenderCache cache;
    private final List<String> personalHeaders;
    private final String cacheControl;
    private final String salt;
    private final LongAdder notModified = new LongAdder();

    PublicAnswers(ContentWatermark watermark, RenderCache cache, DeliveryConfig config, KopijConfig kopij,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0") String version,
            MeterRegistry metrics) {
        this.watermark = watermark;
        this.cache = cache;
        this.personalHeaders = List.copyOf(config.personalHeaders());
        this.cacheControl = "public, max-age=" + kopij.cache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + kopij.cache().staleWhileRevalidate().toSeconds();
        // A new release may render differently: its tags differ from the old release's at the same watermark.
        this.salt = new PublicRequest(version).hash();
        FunctionCounter.builder("kopij.delivery.not.modified", notModified,
                LongAdder::sum).description("304s answered from the content watermark, before any query")
                .register(metrics);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 50);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.GET || !publicPath(request.path()) || personal(request)) {
            context.next();
            return;
        }
        long at = watermark.current();
        if (at < 0) {
            context.next();
            return;
        }
        PublicRequest key = PublicRequest.of(request);
        Pending pending = pending(key, at);
        String tag = pending.tag();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String matching = matching(ifNoneMatch, tag);
            if (matching != null) {
                notModified(context, cache.peek(key, at), matching);
                return;
            }
        }
        Rendered rendered = cache.get(key, at);
        if (rendered != null) {
            send(context, rendered);
            return;
        }
        context.put(PENDING, pending);
        context.next();
    }

    /** GraphQL over GET (a Vert.x route, not JAX-RS, so {@link RenderCapture} never sees it) keeps its answers here. */
    @Override
    public String keep(RoutingContext context, byte[] body, List<Map.Entry<String, String>> headers) {
        Pending pending = context.get(PENDING);
        if (pending == null) {
            return null;
        }
        String etag = "\"" + pending.tag() + "\"";
        cache.put(pending.request(), pending.watermark(), new Rendered(body, etag, List.copyOf(headers)));
        return etag;
    }

    /** This request at this watermark, with its entity tag: the same on every instance of this release. */
    private Pending pending(PublicRequest request, long at) {
        return new Pending(request, at, "w" + at + "." + request.hash() + "." + salt);
    }

    /** GraphQL over POST: keyed by the caller (method, body and media type), looked up after the body was read. */
    @Override
    public byte[] recall(RoutingContext context, String key) {
        long at = watermark.current();
        if (!cache.enabled() || at < 0 || personal(context.request())) {
            return null;
        }
        PublicRequest request = new PublicRequest("POST " + context.request().path() + "\n" + key);
        Rendered rendered = cache.get(request, at);
        if (rendered != null) {
            return rendered.body();
        }
        context.put(PENDING, pending(request, at));
        return null;
    }

    @Override
    public void written() {
        if (Context.isOnEventLoopThread()) {
            watermark.refreshSoon(); // never block the I/O thread
        } else {
            watermark.refresh();
        }
    }

    private boolean personal(HttpServerRequest request) {
        for (String header : personalHeaders) {
            if (request.getHeader(header) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean publicPath(String path) {
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tag in If-None-Match that is this request's at this watermark (with any version), or null. */
    static String matching(String ifNoneMatch, String tag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2); // If-None-Match compares weakly (RFC 9110 13.1.2)
            }
            if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
                continue;
            }
            String opaque = value.substring(1, value.length() - 1);
            if (opaque.equals(tag) || (opaque.endsWith(tag) && opaque.charAt(opaque.length() - tag.length() - 1) == '-')) {
                return value;
            }
        }
        return null;
    }

    private void notModified(RoutingContext context, Rendered rendered, String etag) {
        notModified.increment();
        HttpServerResponse response = context.response().setStatusCode(304);
        if (rendered != null) {
            for (Map.Entry<String, String> header : rendered.headers()) {
                // What the 200 would carry except the body's own headers: caching, and the cache tags a CDN
                // refreshes its copy with.
                String name = header.getKey();
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")
                        && !name.equalsIgnoreCase("Content-Encoding")) {
                    response.headers().add(name, header.getValue());
                }
            }
        } else {
            response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            response.putHeader(HttpHeaders.VARY, "Authorization, Preview-Token, Accept-Encoding");
        }
        response.putHeader(HttpHeaders.ETAG, etag);
        response.putHeader(RequestIds.HEADER, requestId(context.request()));
        response.end();
    }

    private static void send(RoutingContext context, Rendered rendered) {
        HttpServerResponse response = context.response().setStatusCode(200);
        for (Map.Entry<String, String> header : rendered.headers()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        response.putHeader(HttpHeaders.ETAG, rendered.etag());
        response.putHeader(RequestIds.HEADER, requestId(context.request()));
        response.end(Buffer.buffer(rendered.body()));
    }

    private static String requestId(HttpServerRequest request) {
        String incoming = request.getHeader(RequestIds.HEADER);
        return incoming != null && SANE_REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
