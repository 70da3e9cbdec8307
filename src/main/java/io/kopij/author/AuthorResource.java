package io.kopij.author;

import io.kopij.shared.cache.ListingTag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.MergePatch;
import io.kopij.shared.web.Responses;
import io.kopij.shared.web.SparseFields;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorResource {

    private final AuthorService service;
    private final SparseFields fields;

    AuthorResource(AuthorService service, SparseFields fields) {
        this.service = service;
        this.fields = fields;
    }

    @GET
    @ListingTag("authors")
    @Operation(operationId = "listAuthors", summary = "List authors by name")
    @APIResponseSchema(value = AuthorList.class, responseCode = "200")
    public Object list(
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1-based page number (instead of cursor)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))
            @QueryParam("page") String page, @QueryParam("fields") String fieldNames) {
        return fields.select(service.list(PageRequest.parse(limit, cursor, page)), fieldNames, AuthorView.class);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAuthor", summary = "Get an author by id")
    @APIResponseSchema(value = AuthorView.class, responseCode = "200")
    public Response get(@PathParam("id") UUID id, @QueryParam("fields") String fieldNames) {
        return ok(service.get(id), fieldNames);
    }

    @GET
    @Path("/by-slug/{slug}")
    @Operation(operationId = "getAuthorBySlug", summary = "Get an author by slug")
    @APIResponseSchema(value = AuthorView.class, responseCode = "200")
    public Response getBySlug(@PathParam("slug") String slug, @QueryParam("fields") String fieldNames) {
        return ok(service.getBySlug(slug), fieldNames);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAuthor", summary = "Create an author (admin)")
    @APIResponseSchema(value = AuthorView.class, responseCode = "201")
    public Response create(AuthorInput input, UriInfo uri) {
        AuthorView created = service.create(input);
        return Responses.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created,
                created.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceAuthor", summary = "Replace an author profile (If-Match required)")
    @APIResponseSchema(value = AuthorView.class, responseCode = "200")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, AuthorInput input) {
        return ok(service.replace(id, ifMatch, input));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchAuthor", summary = "Change some fields of an author profile (JSON Merge Patch, If-Match required)")
    @APIResponseSchema(value = AuthorView.class, responseCode = "200")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return ok(service.patch(id, ifMatch, patch));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteAuthor", summary = "Delete an author who is credited on no article (admin)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The list shape for the OpenAPI contract (generics are erased). */
    @Schema(name = "AuthorList")
    public record AuthorList(List<AuthorView> data, Page.PageInfo page) {
    }

    private static Response ok(AuthorView author) {
        return Responses.ok(author, author.version());
    }

    private Response ok(AuthorView author, String fieldNames) {
        return Responses.ok(fields.select(author, fieldNames, AuthorView.class), author.version());
    }
}
