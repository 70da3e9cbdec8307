package io.kopij.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.security.Roles;
import io.kopij.shared.web.MergePatch;
import io.kopij.shared.web.Responses;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path(AssetMapper.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assets", description = "Uploaded images, their metadata and renditions")
@SecurityRequirement(name = "bearer") // the media library is for signed-in editorial roles, reads included
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
    @Schema(name = "AssetUploadRequest")
    public record AssetUploadForm(
            @Schema(type = SchemaType.STRING, format = "binary", required = true,
                    description = "The image; its name gives the asset's file name") String file,
            @Schema(maxLength = 1000, description = "Text alternative for readers who cannot see the image") String alt,
            @Schema(maxLength = 2000) String caption,
            @Schema(maxLength = 300, example = "Foto: Kopij") String credit) {
    }

    /*
     * @RolesAllowed also sits here (not only on the service) so that an anonymous or role-less upload is refused
     * before its body is read and written to a temporary file.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "uploadAsset", summary = "Upload an image (JPEG, PNG, WebP, GIF; authors, editors, admins)",
            description = "The format is recognised from the bytes. The same bytes uploaded again answer 200 with the "
                    + "existing asset, its metadata unchanged. Over kopij.media.max-upload-size: 413; not an image "
                    + "or an unsupported format: 415; a damaged image or too many pixels: 422.")
    @RequestBody(required = true, content = @Content(
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
        return upload.created()
                ? Responses.created(uri.getAbsolutePathBuilder().path(asset.id().toString()).build(), asset,
                        asset.version())
                : Responses.ok(asset, asset.version());
    }

    @GET
    @Operation(operationId = "listAssets", summary = "List assets, newest first (signed-in editorial roles)")
    @APIResponseSchema(value = AssetList.class, responseCode = "200")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Signed in without an editorial role")
    public Page<AssetView> list(
            @Parameter(description = "Case-insensitive text in alt, caption or credit",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200, example = "lama"))
            @QueryParam("q") String q,
            @Parameter(description = "Only this format",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"image/jpeg", "image/png", "image/webp", "image/gif"}))
            @QueryParam("mimeType") String mimeType,
            @Parameter(description = "Only assets uploaded by this user (a Keycloak subject), or me",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 255, example = "me"))
            @QueryParam("uploadedBy") String uploadedBy,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from page.next of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024)) @QueryParam("cursor") String cursor,
            @Parameter(description = "1-based page number (instead of cursor)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))
            @QueryParam("page") String page) {
        return service.list(AssetQueries.parse(q, mimeType, uploadedBy), PageRequest.parse(limit, cursor, page));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAsset", summary = "Get an asset (signed-in editorial roles)")
    @APIResponseSchema(value = AssetView.class, responseCode = "200")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Signed in without an editorial role")
    public Response get(@PathParam("id") UUID id) {
        AssetView asset = service.get(id);
        return Responses.ok(asset, asset.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchAsset",
            summary = "Change alt, caption, credit or focal point (the uploader, editors, admins; JSON Merge Patch, "
                    + "If-Match required)",
            description = "A new focal point changes the version in the asset's url (cover crops change with it).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = AssetPatch.class)))
    @APIResponseSchema(value = AssetView.class, responseCode = "200")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        AssetView asset = service.patch(id, ifMatch, patch);
        return Responses.ok(asset, asset.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteAsset",
            summary = "Delete an asset and its renditions (editors, admins; 409 asset.in-use while an article uses it)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The body of PATCH, for the OpenAPI contract: any subset of these; null clears a text or centres the focus. */
    @Schema(name = "AssetPatch")
    public record AssetPatch(
            @Schema(nullable = true, maxLength = 1000) String alt,
            @Schema(nullable = true, maxLength = 2000) String caption,
            @Schema(nullable = true, maxLength = 300) String credit,
            @Schema(nullable = true) FocalPoint focalPoint) {
    }
}
