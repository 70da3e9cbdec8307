package io.kopij.article.revision;

import io.kopij.article.ArticleEditor;
import io.kopij.article.ArticleView;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.Responses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles/{id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions")
@SecurityRequirement(name = "bearer")
public class RevisionResource {

    private final RevisionService revisions;
    private final ArticleEditor editor;

    RevisionResource(RevisionService revisions, ArticleEditor editor) {
        this.revisions = revisions;
        this.editor = editor;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "The revisions of an article, newest first (editors, and the article's authors)")
    @APIResponseSchema(value = RevisionList.class, responseCode = "200")
    public Page<RevisionSummary> list(@PathParam("id") UUID id,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "1-based page number (instead of cursor)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))
            @QueryParam("page") String page) {
        return revisions.list(id, PageRequest.parse(limit, null, page));
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "getRevision", summary = "One revision with the editable fields as they were")
    public RevisionView get(@PathParam("id") UUID id, @PathParam("number") int number) {
        return revisions.get(id, number);
    }

    @GET
    @Path("/{number}/diff")
    @Operation(operationId = "diffRevision", summary = "Field-level differences between revision `from` (default: the one before) and this one")
    public RevisionDiff diff(@PathParam("id") UUID id, @PathParam("number") int number,
            @Parameter(description = "The older revision number (default: the one before)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("from") String from) {
        int older = number - 1;
        if (from != null) {
            try {
                older = Integer.parseInt(from);
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("from", "must be a revision number");
            }
        }
        return revisions.diff(id, older, number);
    }

    @POST
    @Path("/{number}/restore")
    @Operation(operationId = "restoreRevision", summary = "Make the article's editable fields what they were at this revision (a new revision)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200")
    public Response restore(@PathParam("id") UUID id, @PathParam("number") int number,
            @HeaderParam("If-Match") String ifMatch) {
        ArticleView restored = editor.restore(id, number, ifMatch);
        return Responses.ok(restored, restored.version());
    }

    /** The list shape for the OpenAPI contract (generics are erased). */
    @Schema(name = "RevisionList")
    public record RevisionList(List<RevisionSummary> data, Page.PageInfo page) {
    }
}
