package io.kopij.shared.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kopij.shared.cache.CachePolicy;
import io.kopij.shared.cache.CacheTags;
import io.kopij.shared.cache.RenderedAnswers;
import io.kopij.shared.web.ETags;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * HTTP caching of GraphQL over GET, the same as REST's (HttpCaching): an anonymous query that ran without errors is
 * {@code Cache-Control: public} with the content watermark's ETag (kept in the render cache like REST answers), a
 * 304 for a matching If-None-Match, and the cache tags of what it fetched; a query by a signed-in caller, with a
 * preview token, or with errors is not shared. POST answers get no caching headers (HTTP caches do not key on
 * bodies), but anonymous ones are kept in the render cache under their body.
 */
@ApplicationScoped
public class GraphQLCaching {

    private static final String VARY = "Authorization, Preview-Token, Accept, Accept-Encoding";

    private final CachePolicy policy;
    private final RenderedAnswers rendered;

    GraphQLCaching(CachePolicy policy, Instance<RenderedAnswers> rendered) {
        this.policy = policy;
        this.rendered = rendered.isResolvable() ? rendered.get() : null;
    }

    /**
     * Puts the caching headers of a GET answer; true when it answered 304 itself (the caller then sends nothing).
     * {@code personal} is also true for a mutation: its answer is never kept.
     * A public answer is handed to {@link RenderedAnswers} first: it then carries the content watermark's ETag and
     * the next identical request is answered before any query; otherwise its ETag is a hash of the bytes.
     */
    boolean answer(RoutingContext context, GraphQLHttpRequest request, boolean personal, boolean failed,
            Collection<String> keys, byte[] body, String contentType) {
        if (!request.method().equals("GET")) {
            // A POST gets no caching headers (HTTP caches do not key on bodies); an anonymous query's answer is kept
            // under its body all the same (recallPosted).
            if (rendered != null && !personal && !failed) {
                rendered.keep(context, body, List.of(Map.entry("Content-Type", contentType)));
            }
            return false;
        }
        HttpServerResponse response = context.response();
        if (personal || failed) {
            response.putHeader("Vary", VARY);
            response.putHeader("Cache-Control", personal ? "private, no-store" : "no-store");
            return false;
        }
        List<Map.Entry<String, String>> described = new ArrayList<>();
        BiConsumer<String, String> header = (name, value) -> {
            response.putHeader(name, value);
            described.add(Map.entry(name, value));
        };
        header.accept("Content-Type", contentType);
        header.accept("Vary", VARY);
        header.accept("Cache-Control", policy.publicCacheControl());
        policy.putTagHeaders(CacheTags.of(keys), header);
        String etag = rendered == null ? null : rendered.keep(context, body, described);
        if (etag == null) {
            etag = "\"" + ETags.hash(body) + "\"";
        }
        response.putHeader("ETag", etag);
        if (ETags.noneMatchNames(context.request().getHeader("If-None-Match"), etag)) {
            response.setStatusCode(304).end();
            return true;
        }
        return false;
    }

    /**
     * An anonymous query over POST answered from the render cache: the answer kept for the same body at the current
     * content watermark, or null (then its answer is kept once it ran, see {@link #answer}).
     */
    byte[] recallPosted(RoutingContext context, GraphQLHttpRequest request) {
        if (rendered == null || !request.method().equals("POST")
                || context.request().getHeader("Authorization") != null || personalQuery(request, context)) {
            return null;
        }
        StringBuilder key = new StringBuilder(request.query().length() + 64)
                .append(request.graphqlResponseMediaType() ? "graphql-response" : "json").append('\n')
                .append(request.operationName()).append('\n').append(request.query()).append('\n');
        try {
            key.append(GraphQLEndpoint.PLAIN_JSON.writeValueAsString(request.variables()));
        } catch (JsonProcessingException e) {
            return null; // variables that cannot be written are never kept either
        }
        return rendered.recall(context, key.toString());
    }

    /** After a mutation that changed something: read-your-writes for the writer's next GET on this instance. */
    void written() {
        if (rendered != null) {
            rendered.written();
        }
    }

    /** Whether the query may show what only some callers may see (a preview token reads drafts). */
    static boolean personalQuery(GraphQLHttpRequest request, RoutingContext context) {
        return context.request().getHeader("Preview-Token") != null
                || (request.query() != null && request.query().contains("previewToken"));
    }
}
