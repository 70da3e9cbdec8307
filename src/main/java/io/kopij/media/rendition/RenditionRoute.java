package io.kopij.media.rendition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.media.AssetMapper;
import io.kopij.media.MediaConfig;
import io.kopij.media.RenderSource;
import io.kopij.media.rendition.RenditionService.Missing;
import io.kopij.media.rendition.RenditionService.Moved;
import io.kopij.media.rendition.RenditionService.Outcome;
import io.kopij.media.rendition.RenditionService.Stored;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.web.Failures;
import io.kopij.shared.web.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/assets/{id}/v{version}/{filename}?w=&h=&fit=&fm=&q=}: the image and its renditions, public and
 * cacheable for ever (the URL changes whenever the picture would). A plain Vert.x route rather than a REST
 * resource: a stored rendition is a file sent from the event loop without a worker thread, and the JSON-oriented
 * response filters (ETag over the body, Vary on Authorization) must not touch image bytes.
 */
@ApplicationScoped
public class RenditionRoute {

    private static final Logger LOG = Logger.getLogger(RenditionRoute.class);
    static final String PATTERN = AssetMapper.PATH + "/([0-9a-fA-F-]{36})/v([0-9]{1,9})/([A-Za-z0-9._-]{1,120})";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final RenditionService renditions;
    private final MediaConfig config;
    private final AssetMapper mapper;
    private final ObjectMapper json;

    RenditionRoute(RenditionService renditions, MediaConfig config, AssetMapper mapper, ObjectMapper json) {
        this.renditions = renditions;
        this.config = config;
        this.mapper = mapper;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, PATTERN).order(-1).handler(this::handle);
        router.routeWithRegex(HttpMethod.HEAD, PATTERN).order(-1).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        UUID id;
        int version;
        RenditionSpec spec;
        try {
            id = UUID.fromString(ctx.pathParam("param0"));
            version = Integer.parseInt(ctx.pathParam("param1"));
            spec = RenditionSpec.parse(query(ctx.queryParams()), config);
        } catch (KopijException e) {
            problem(ctx, e.status(), e.code(), e.title(), e.detail(), e.errors());
            return;
        } catch (IllegalArgumentException e) {
            problem(ctx, 404, "asset.not-found", "Not found", "No asset at this address", List.of());
            return;
        }
        // Fast path, on the event loop: a rendition already on local disk is sent without any blocking work.
        Optional<RenderSource> known = renditions.cached(id, version);
        if (known.isPresent()) {
            var variant = renditions.variant(known.get(), spec);
            String key = RenditionService.key(known.get(), variant);
            Optional<Path> file = renditions.localFile(key);
            if (file.isPresent()) {
                renditions.countStoredHit();
                send(ctx, new Stored(known.get(), variant, key, file, null));
                return;
            }
        }
        ctx.vertx().executeBlocking(() -> renditions.resolve(id, version, spec), false).onComplete(result -> {
            if (result.succeeded()) {
                respond(ctx, result.result());
            } else {
                failure(ctx, result.cause());
            }
        });
    }

    private void respond(RoutingContext ctx, Outcome outcome) {
        if (outcome instanceof Stored stored) {
            send(ctx, stored);
        } else if (outcome instanceof Moved moved) {
            RenderSource current = moved.current();
            String query = ctx.request().query();
            String location = mapper.url(current.id(), current.renderVersion(), current.filename())
                    + (query == null || query.isEmpty() ? "" : "?" + query);
            ctx.response().setStatusCode(301).putHeader("Location", location)
                    .putHeader("Cache-Control", "public, max-age=300").end();
        } else if (outcome instanceof Missing) {
            problem(ctx, 404, "asset.not-found", "Not found", "No asset at this address", List.of());
        }
    }

    private void send(RoutingContext ctx, Stored stored) {
        HttpServerResponse response = ctx.response();
        String etag = etag(stored);
        response.putHeader("Cache-Control", IMMUTABLE)
                .putHeader("ETag", etag)
                .putHeader("Content-Type", stored.variant().format().mimeType())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .putHeader("Content-Disposition", "inline; filename=\"" + filename(stored) + "\"");
        String tag = "asset:" + stored.source().id();
        response.putHeader("Surrogate-Key", tag).putHeader("xkey", tag).putHeader("Cache-Tag", tag);
        if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            long length = stored.file().map(file -> file.toFile().length()).orElse((long) stored.bytes().length);
            response.putHeader("Content-Length", String.valueOf(length)).end();
        } else if (stored.file().isPresent()) {
            response.sendFile(stored.file().get().toString());
        } else {
            response.end(Buffer.buffer(stored.bytes()));
        }
    }

    /** The name a browser saves the file as: the asset's name with the extension of what is served. */
    private static String filename(Stored stored) {
        String name = stored.source().filename();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "." + stored.variant().format().extension();
    }

    /** Strong: one URL's bytes never change, so the storage key (with the upload's hash) names them exactly. */
    private static String etag(Stored stored) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((stored.source().sha256() + "/" + stored.key()).getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private void failure(RoutingContext ctx, Throwable failure) {
        Optional<Problem> known = Failures.classify(failure, ctx.request().path());
        if (known.isPresent()) {
            Problem p = known.get();
            if (p.status() == 503) {
                ctx.response().putHeader("Retry-After", "5");
            }
            problem(ctx, p.status(), p.code(), p.title(), p.detail(), p.errors());
            return;
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected error %s on %s", correlationId, ctx.request().path());
        write(ctx, Problem.of(500, "server.error", "Internal server error", "Something went wrong on our side",
                ctx.request().path(), List.of()).withCorrelationId(correlationId));
    }

    private void problem(RoutingContext ctx, int status, String code, String title, String detail,
            List<FieldError> errors) {
        write(ctx, Problem.of(status, code, title, detail, ctx.request().path(), errors));
    }

    private void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().ended()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
        HttpServerResponse response = ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Cache-Control", "no-store");
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    private static Map<String, List<String>> query(MultiMap parameters) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            query.put(name, parameters.getAll(name));
        }
        return query;
    }
}
