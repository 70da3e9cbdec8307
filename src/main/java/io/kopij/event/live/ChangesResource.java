package io.kopij.event.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.EventsConfig;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.error.KopijException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * Server-Sent Events of public changes. Each event is {@code id: <position>}, {@code event: <type>} and the
 * webhook envelope as data; a reconnect sends Last-Event-ID (browsers do it by themselves) and resumes after that
 * position from the outbox, without gaps. Idle streams get a comment every {@code kopij.events.live.keep-alive}.
 */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = "Live public changes as Server-Sent Events")
public class ChangesResource {

    private final LiveFeed feed;
    private final ObjectMapper json;
    private final Duration keepAlive;

    ChangesResource(LiveFeed feed, ObjectMapper json, EventsConfig config) {
        this.feed = feed;
        this.json = json;
        this.keepAlive = config.live().keepAlive();
    }

    @GET
    @Blocking // reads the retention horizon from the database before the stream starts
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(operationId = "streamChanges", summary = "Live public changes (Server-Sent Events)",
            description = "Events of published articles, and the unpublish, archive and delete of articles that were "
                    + "public. `id` is the event's position; send it back as `Last-Event-ID` to resume without gaps. "
                    + "`data` is `{\"type\", \"timestamp\", \"data\": {\"id\", \"position\", ...}}` as webhooks get it.")
    @APIResponse(responseCode = "200", description = "An endless event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "410", description = "Last-Event-ID is older than the event retention; reload",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Multi<OutboundSseEvent> changes(
            @Parameter(description = "The id of the last event received: resume after it") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        long position = position(lastEventId);
        Multi<OutboundSseEvent> events = feed.stream(position).map(event -> sse.newEventBuilder()
                .id(Long.toString(event.position()))
                .name(event.type())
                .data(String.class, event.envelope(json).toString())
                .build());
        Multi<OutboundSseEvent> ticks = Multi.createFrom().ticks().every(keepAlive)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // A first comment at once: the response starts, so clients (and proxies) know the stream is open.
        Multi<OutboundSseEvent> open = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        return Multi.createBy().concatenating().streams(open, Multi.createBy().merging().streams(events, ticks));
    }

    private long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return feed.position();
        }
        long position;
        try {
            position = Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            position = -1;
        }
        if (position < 0) {
            throw InvalidInputException.field("Last-Event-ID", "must be the id of an event of this stream");
        }
        if (position < feed.horizon()) {
            throw new KopijException(410, "changes.position-expired", "Position expired",
                    "Events after this position are no longer kept (see kopij.events.retention); reload and "
                            + "reconnect without Last-Event-ID");
        }
        return position;
    }
}
