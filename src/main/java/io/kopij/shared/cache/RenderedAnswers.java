package io.kopij.shared.cache;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Keeps public answers that are written outside JAX-RS (GraphQL over GET is a Vert.x route) the way REST answers
 * are kept: under the content watermark, with the watermark ETag, so the next identical request is answered (or
 * revalidated with a 304) before any query runs. GraphQL over POST, which HTTP caches cannot hold, is kept the same way
 * under a key made of its body ({@link #recall}). The delivery feature implements it; without it, callers tag their
 * answers themselves.
 */
public interface RenderedAnswers {

    /**
     * Keeps this public 200 answer of the current request when the request may be answered from the watermark, and
     * returns the ETag it must carry; null when this request is not one of those (the caller then tags it itself).
     *
     * @param headers what describes the content (Content-Type, Cache-Control, Vary, cache tags), never per-request
     *        headers
     */
    String keep(RoutingContext context, byte[] body, List<Map.Entry<String, String>> headers);

    /**
     * For an anonymous request the HTTP layer cannot key (GraphQL over POST: its answer depends on the body): the
     * answer kept under {@code key} at the current content watermark, or null. On null the request is remembered
     * with the watermark read now, so {@link #keep} can keep its answer.
     */
    byte[] recall(RoutingContext context, String key);

    /**
     * Called after a write outside JAX-RS (a GraphQL mutation) committed, before its answer leaves: the writer's next
     * read on this instance must not be an answer kept from before its own write.
     */
    void written();
}
