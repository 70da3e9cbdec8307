package io.kopij.event.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.MergePatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook endpoints (admins only): the REST adapter of {@link WebhookService}. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed HTTP callbacks for content events (admins only)")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@APIResponse(responseCode = "403", description = "Only admins manage webhooks", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    /** The list shapes, for the OpenAPI contract (generics erase Page's element type). */
    @Schema(name = "WebhookList")
    public record WebhookList(List<WebhookView> data, Page.PageInfo page) {
    }

    @Schema(name = "WebhookDeliveryList")
    public record DeliveryList(List<DeliveryView> data, Page.PageInfo page) {
    }

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook", description = "The answer carries the signing secret (whsec_...): "
            + "it is shown only here and after a rotation.")
    @APIResponseSchema(value = WebhookView.class, responseCode = "201")
    public Response create(WebhookInput input, UriInfo uri) {
        WebhookView created = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(new EntityTag(String.valueOf(created.version()))).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks, oldest first")
    @APIResponseSchema(value = WebhookList.class, responseCode = "200")
    public Page<WebhookView> list(@QueryParam("limit") String limit, @QueryParam("page") String page) {
        return service.list(PageRequest.parse(limit, null, page));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook (without its secret)")
    @APIResponseSchema(value = WebhookView.class, responseCode = "200")
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchWebhook", summary = "Change a webhook (JSON Merge Patch, If-Match required)",
            description = "`{\"enabled\": true}` re-enables an endpoint that was disabled by a 410 answer.")
    @APIResponseSchema(value = WebhookView.class, responseCode = "200")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return withETag(service.patch(id, ifMatch, patch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace the signing secret", description = "The answer shows the new secret once. The old "
            + "one stays valid for kopij.events.webhooks.secret-rotation-overlap (24 h): deliveries meanwhile carry "
            + "a signature for each.")
    @APIResponseSchema(value = WebhookView.class, responseCode = "200")
    public Response rotateSecret(@PathParam("id") UUID id) {
        return withETag(service.rotateSecret(id));
    }

    @POST
    @Path("/{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a webhook.ping event to the endpoint", description = "Queued at once; see its delivery "
            + "in the log.")
    @APIResponseSchema(value = DeliveryView.class, responseCode = "202")
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(service.ping(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first, with every attempt")
    @APIResponseSchema(value = DeliveryList.class, responseCode = "200")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("limit") String limit,
            @QueryParam("page") String page) {
        return service.deliveries(id, PageRequest.parse(limit, null, page));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again", description = "Same webhook-id and body, as a new delivery in the log.")
    @APIResponseSchema(value = DeliveryView.class, responseCode = "202")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(service.redeliver(id, deliveryId)).build();
    }

    private static Response withETag(WebhookView webhook) {
        return Response.ok(webhook).tag(new EntityTag(String.valueOf(webhook.version()))).build();
    }
}
