package io.kopij.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.security.Roles;
import io.kopij.shared.web.MergePatch;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path(AssetMapper.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assets", description = "Uploaded images, their metadata and renditions")
public class AssetResource {

    private final AssetService service;

    AssetResource(AssetService service) {
        this.service = service;
    }

    /** The list shape, for the OpenAPI contract (generics are erased). */
    @Schema(name = "AssetList")
    public record AssetList(List<AssetView> data, Page.PageInfo page) {
    }

    /** The multipart upload form, for the OpenAPI contract. */
    @Schema(name = "AssetUpload")
    public record AssetUploadForm(@Schema(type = SchemaType.STRING,
            format = "binary", required = true) String file, String alt, String caption, String credit) {
    }

    /*
     * @RolesAllowed also sits here (not only on the service) so that an anonymous or role-less upload is refused
     * before its body is read and written to a temporary file.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Upload an image (JPEG, PNG, WebP, GIF); the same bytes again answer the existing asset (200)")
    @RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = AssetUploadForm.class)))
    @APIResponse(responseCode = "201", description = "A new asset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "200", description = "These bytes were uploaded before: the existing asset, unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    public Response upload(@RestForm("file") FileUpload file, @RestForm("alt") String alt,
            @RestForm("caption") String caption, @RestForm("credit") String credit, UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw AssetException.fileRequired();
        }
        AssetService.Upload upload = service.upload(file.uploadedFile(), file.fileName(),
                new AssetMetadata(alt, caption, credit, null));
        AssetView asset = upload.asset();
        Response.ResponseBuilder builder = upload.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(asset.id().toString()).build())
                : Response.ok();
        return builder.tag(new EntityTag(String.valueOf(asset.version()))).entity(asset).build();
    }

    @GET
    @Operation(summary = "List assets, newest first (signed-in roles)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssetList.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Signed in without an editorial role")
    public Page<AssetView> list(@QueryParam("q") String q, @QueryParam("mimeType") String mimeType,
            @QueryParam("uploadedBy") String uploadedBy, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("page") String page) {
        return service.list(AssetQueries.parse(q, mimeType, uploadedBy), PageRequest.parse(limit, cursor, page));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an asset (signed-in roles)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Signed in without an editorial role")
    public Response get(@PathParam("id") UUID id) {
        AssetView asset = service.get(id);
        return Response.ok(asset).tag(new EntityTag(String.valueOf(asset.version()))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change alt, caption, credit or focal point (the uploader, editors; JSON Merge Patch, If-Match)")
    @APIResponseSchema(value = AssetView.class, responseCode = "200")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        AssetView asset = service.patch(id, ifMatch, patch);
        return Response.ok(asset).tag(new EntityTag(String.valueOf(asset.version()))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an asset and its renditions (editor; 409 while it is used)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
