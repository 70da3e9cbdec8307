package io.kopij.delivery;

import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Read-your-writes on the instance that wrote: after a successful REST write (its transaction has committed when
 * the resource returns) the content watermark is read again before the answer leaves, so the writer's next read
 * on this instance never gets the answer from before its own write. Other instances learn it from the commit
 * notification within milliseconds. One indexed query per write; GraphQL mutations do the same through
 * {@link PublicAnswers#written()}.
 */
public class WriteVisibility {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ContentWatermark watermark;

    WriteVisibility(ContentWatermark watermark) {
        this.watermark = watermark;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 400
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        if (Context.isOnEventLoopThread()) {
            watermark.refreshSoon(); // never block the I/O thread
        } else {
            watermark.refresh();
        }
    }
}
