package io.kopij.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.MergePatch;
import io.kopij.shared.web.SparseFields;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    static final String PREVIEW_HEADER = "Preview-Token";

    private final ArticleService service;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final SparseFields fields;

    ArticleResource(ArticleService service, com.fasterxml.jackson.databind.ObjectMapper json, SparseFields fields) {
        this.service = service;
        this.json = json;
        this.fields = fields;
    }

    @GET
    @Operation(summary = "List articles",
            description = "Published articles, newest first, unless filtered otherwise. `status` is for editorial "
                    + "roles; authors see only their own unpublished articles.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = io.kopij.shared.paging.ListSchemas.ArticleList.class, responseCode = "200")
    public Object list(@BeanParam ArticleListParams params) {
        ArticleQuery query = params.toQuery();
        return fields.select(service.list(query, PageRequest.parse(params.limit(), params.cursor(), params.page())),
                params.fields(), ArticleSummary.class);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an article by id",
            description = "With a Preview-Token header (see POST /{id}/preview-token) a draft can be read without "
                    + "signing in.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response get(@PathParam("id") UUID id, @HeaderParam(PREVIEW_HEADER) String previewToken,
            @QueryParam("fields") String fieldNames) {
        if (previewToken != null) {
            ArticleView draft = service.preview(id, previewToken);
            return Response.ok(fields.select(draft, fieldNames, ArticleView.class))
                    .tag(new EntityTag(String.valueOf(draft.version())))
                    .header("Cache-Control", "private, no-store").build();
        }
        return withFields(service.get(id), fieldNames);
    }

    @POST
    @Path("/{id}/preview-token")
    @Operation(summary = "Mint a short-lived token to preview this article (editors, and the article's authors)")
    public PreviewToken previewToken(@PathParam("id") UUID id) {
        return service.previewToken(id);
    }

    @GET
    @Path("/by-slug/{slug}")
    @Operation(summary = "Get an article by slug", description = "An old slug answers 301 to the current one.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response getBySlug(@PathParam("slug") String slug, @QueryParam("fields") String fieldNames, UriInfo uri) {
        ArticleService.SlugLookup found = service.getBySlug(slug);
        if (found.movedTo().isPresent()) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(UriBuilder.fromUri(uri.getBaseUri()).path("api/v1/articles/by-slug/{slug}")
                            .build(found.movedTo().get()))
                    .build();
        }
        return withFields(found.article().orElseThrow(), fieldNames);
    }

    @GET
    @Path("/{id}/related")
    @Operation(summary = "The \"lees ook\" articles of an article, in the editor's order")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = RelatedArticleView[].class, responseCode = "200")
    public Object related(@PathParam("id") UUID id, @QueryParam("limit") String limit,
            @QueryParam("fields") String fieldNames) {
        int count = 5;
        if (limit != null) {
            try {
                count = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > 20) {
                throw io.kopij.shared.error.InvalidInputException.field("limit", "must be between 1 and 20");
            }
        }
        return fields.select(service.related(id, count), fieldNames, RelatedArticleView.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an article as a draft")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "201")
    public Response create(ArticleInput input, UriInfo uri) {
        ArticleView created = service.create(input);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()), created);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an article (If-Match required)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, ArticleInput input) {
        return withETag(Response.ok(), service.replace(id, ifMatch, input));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of an article (JSON Merge Patch, If-Match required)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return withETag(Response.ok(), service.patch(id, ifMatch, patch));
    }

    @DELETE
    @Path("/{id}")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete an article")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/related")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the ordered \"lees ook\" links of an article (a JSON array of article ids)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response setRelated(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, List<UUID> ids) {
        return withETag(Response.ok(), service.setRelated(id, ifMatch, ids));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish an article now, or schedule it with a future `at` (editor)")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false, content =
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PublishRequest.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, String body) {
        // The body is optional, so a bare POST (no content type) must work too: parsed here rather than by JAX-RS.
        PublishRequest request = null;
        if (body != null && !body.isBlank()) {
            try {
                request = json.readValue(body, PublishRequest.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new io.kopij.shared.web.JsonInputException(e);
            }
        }
        return withETag(Response.ok(), service.publish(id, ifMatch, request == null ? null : request.at()));
    }

    @POST
    @Path("/{id}/unpublish")
    @Operation(summary = "Take an article back to draft (editor)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response unpublish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(Response.ok(), service.unpublish(id, ifMatch));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(summary = "Archive a published article (editor)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(Response.ok(), service.archive(id, ifMatch));
    }

    private Response withFields(ArticleView article, String fieldNames) {
        return Response.ok(fields.select(article, fieldNames, ArticleView.class))
                .tag(new EntityTag(String.valueOf(article.version()))).build();
    }

    private static Response withETag(Response.ResponseBuilder builder, ArticleView article) {
        return builder.tag(new EntityTag(String.valueOf(article.version()))).entity(article).build();
    }
}
