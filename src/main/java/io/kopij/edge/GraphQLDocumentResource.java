package io.kopij.edge;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trusted GraphQL documents (admins only): the REST adapter of {@link GraphQLDocumentService}. */
@Path("/api/v1/graphql/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "GraphQL documents", description = "Trusted documents for GraphQL's trusted-documents mode (admins only)")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@APIResponse(responseCode = "403", description = "Only admins register documents", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@SecurityRequirement(name = "bearer")
public class GraphQLDocumentResource {

    private final GraphQLDocumentService service;

    GraphQLDocumentResource(GraphQLDocumentService service) {
        this.service = service;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerGraphQLDocuments", summary = "Register a client build's persisted-query manifest",
            description = "The body maps each document's SHA-256 (lower-case hex) to the document, as Apollo's "
                    + "persisted-query manifests do. Registration adds: documents registered before stay trusted.")
    @APIResponseSchema(value = GraphQLDocumentService.Registered.class, responseCode = "200")
    @APIResponse(responseCode = "400", description = "A hash does not match its document", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public GraphQLDocumentService.Registered register(
            @Schema(description = "SHA-256 (hex) to GraphQL document", additionalProperties = String.class)
            Map<String, String> manifest) {
        return service.register(manifest);
    }
}
