package io.kopij.article.web;

import io.kopij.shared.cache.ListingTag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.article.ArticleEditor;
import io.kopij.article.ArticleInput;
import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleSummary;
import io.kopij.article.ArticleView;
import io.kopij.article.ArticleWorkflow;
import io.kopij.article.RelatedArticleView;
import io.kopij.article.RelatedArticles;
import io.kopij.article.preview.ArticlePreviews;
import io.kopij.article.preview.PreviewToken;
import io.kopij.article.query.ArticleLists;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.JsonInputException;
import io.kopij.shared.web.MergePatch;
import io.kopij.shared.web.Responses;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST adapter for articles: it translates parameters, statuses and headers, and calls the services. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    static final String PREVIEW_HEADER = "Preview-Token";

    private final ArticleLists lists;
    private final ArticleReader reader;
    private final ArticleEditor editor;
    private final ArticleWorkflow workflow;
    private final RelatedArticles related;
    private final ArticlePreviews previews;
    private final ObjectMapper json;
    private final SparseFields fields;

    ArticleResource(ArticleLists lists, ArticleReader reader, ArticleEditor editor, ArticleWorkflow workflow,
            RelatedArticles related, ArticlePreviews previews, ObjectMapper json, SparseFields fields) {
        this.lists = lists;
        this.reader = reader;
        this.editor = editor;
        this.workflow = workflow;
        this.related = related;
        this.previews = previews;
        this.json = json;
        this.fields = fields;
    }

    @GET
    @ListingTag("articles")
    @Operation(operationId = "listArticles", summary = "List articles",
            description = "Published articles, newest first, unless filtered otherwise. `status` is for editorial "
                    + "roles; authors see only their own unpublished articles.")
    @APIResponseSchema(value = ArticleList.class, responseCode = "200")
    public Object list(@BeanParam ArticleListParams params) {
        Page<ArticleSummary> page = lists.list(params.toQuery(),
                PageRequest.parse(params.limit(), params.cursor(), params.page()));
        return fields.select(page, params.fields(), ArticleSummary.class);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getArticle", summary = "Get an article by id",
            description = "With a Preview-Token header (see POST /{id}/preview-token) a draft can be read without "
                    + "signing in.")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response get(@PathParam("id") UUID id, @HeaderParam(PREVIEW_HEADER) String previewToken,
            @QueryParam("fields") String fieldNames) {
        if (previewToken != null) {
            ArticleView draft = previews.read(id, previewToken);
            return Response.fromResponse(ok(draft, fieldNames)).header("Cache-Control", "private, no-store").build();
        }
        return ok(reader.get(id), fieldNames);
    }

    @POST
    @Path("/{id}/preview-token")
    @Operation(operationId = "createPreviewToken", summary = "Mint a short-lived token to preview this article (editors, and the article's authors)")
    public PreviewToken previewToken(@PathParam("id") UUID id) {
        return previews.mint(id);
    }

    @GET
    @Path("/by-slug/{slug}")
    @Operation(operationId = "getArticleBySlug", summary = "Get an article by slug", description = "An old slug answers 301 to the current one.")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response getBySlug(@PathParam("slug") String slug, @QueryParam("fields") String fieldNames, UriInfo uri) {
        ArticleReader.SlugLookup found = reader.getBySlug(slug);
        if (found.movedTo().isPresent()) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(UriBuilder.fromUri(uri.getBaseUri()).path("api/v1/articles/by-slug/{slug}")
                            .build(found.movedTo().get()))
                    .build();
        }
        return ok(found.article().orElseThrow(), fieldNames);
    }

    @GET
    @Path("/{id}/related")
    @ListingTag("articles")
    @Operation(operationId = "listRelatedArticles", summary = "The \"lees ook\" articles of an article, in the editor's order")
    @APIResponseSchema(value = RelatedArticleView[].class, responseCode = "200")
    public Object related(@PathParam("id") UUID id,
            @Parameter(description = "How many related articles",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "5"))
            @QueryParam("limit") String limit,
            @QueryParam("fields") String fieldNames) {
        return fields.select(related.of(id, RelatedArticles.count(count(limit), "limit")), fieldNames,
                RelatedArticleView.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article as a draft")
    @APIResponseSchema(value = ArticleView.class, responseCode = "201")
    public Response create(ArticleInput input, UriInfo uri) {
        ArticleView created = editor.create(input);
        return Responses.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created,
                created.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article (If-Match required)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, ArticleInput input) {
        return ok(editor.replace(id, ifMatch, input));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article (JSON Merge Patch, If-Match required)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return ok(editor.patch(id, ifMatch, patch));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteArticle", summary = "Delete an article")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        editor.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/related")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setRelatedArticles", summary = "Set the ordered \"lees ook\" links of an article (a JSON array of article ids)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response setRelated(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, List<UUID> ids) {
        return ok(editor.setRelated(id, ifMatch, ids));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishArticle", summary = "Publish an article now, or schedule it with a future `at` (editor)")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishRequest.class)))
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, String body) {
        // The body is optional, so a bare POST (no content type) must work too: parsed here rather than by JAX-RS.
        PublishRequest request = null;
        if (body != null && !body.isBlank()) {
            try {
                request = json.readValue(body, PublishRequest.class);
            } catch (JsonProcessingException e) {
                throw new JsonInputException(e);
            }
        }
        return ok(workflow.publish(id, ifMatch, request == null ? null : request.at()));
    }

    @POST
    @Path("/{id}/unpublish")
    @Operation(operationId = "unpublishArticle", summary = "Take an article back to draft (editor)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response unpublish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.unpublish(id, ifMatch));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(operationId = "archiveArticle", summary = "Archive a published article (editor)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.archive(id, ifMatch));
    }

    /** The list shape for the OpenAPI contract (generics are erased). */
    @Schema(name = "ArticleList")
    public record ArticleList(List<ArticleSummary> data, Page.PageInfo page) {
    }



    private static Integer count(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("limit", "must be a whole number between 1 and " + RelatedArticles.MAX_COUNT);
        }
    }

    private static Response ok(ArticleView article) {
        return Responses.ok(article, article.version());
    }

    private Response ok(ArticleView article, String fieldNames) {
        return Responses.ok(fields.select(article, fieldNames, ArticleView.class), article.version());
    }
}
