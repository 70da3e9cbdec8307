package io.kopij.shared.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents, on every operation, the problem responses the shared error handling can give, so the contract lists
 * them without repeating a dozen annotations per endpoint; adds the bearer scheme to the writes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of("title")))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of("must not be blank"))));
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token issued by Keycloak (realm cms)"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema("JsonNode"); // merge patches are documented as open objects
            openAPI.getComponents().removeSchema("JsonNodeType");
        }
        openAPI.servers(List.of(OASFactory.createServer().url("/").description("This Kopij instance")));
        Map<String, String> tagDescriptions = Map.of(
                "Articles", "News articles: drafts, publication, related articles, search",
                "Authors", "People credited on articles",
                "Tags", "Topics; the first tag of an article is its primary tag",
                "Revisions", "Every stored version of an article, with diff and restore",
                "Me", "The signed-in caller");
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> tag.description(tagDescriptions.getOrDefault(tag.getName(), tag.getDescription())));
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean addressed = path.contains("{");
            item.getOperations().forEach((method, operation) -> document(method, operation, addressed));
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation, boolean addressed) {
        APIResponses responses = operation.getResponses();
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input or unknown query parameter");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (write) {
            problems.put("401", "Not signed in");
            problems.put("403", "The caller's role or ownership does not allow this");
        }
        if (addressed) {
            problems.put("404", "Not found, or not visible to the caller");
        }
        if (write) {
            problems.put("409", "Conflicts with the current state (a taken slug, an impossible transition)");
            problems.put("412", "If-Match names a stale version");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "Request body too large");
            problems.put("415", "Unsupported content type");
            problems.put("422", "Refers to things that cannot be used (unknown authors, tags or related articles)");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            problems.put("428", "If-Match is required");
        }
        problems.put("500", "Unexpected error; quote the correlationId");
        problems.forEach((status, description) -> {
            var problemContent = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
            var existing = responses.getAPIResponse(status);
            if (existing == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent));
            } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.content(problemContent); // e.g. the 400 SmallRye adds for validated bodies
            }
        });
        // A merge patch is any subset of the resource's fields (null removes one): an open object.
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            var patch = operation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (patch != null) {
                patch.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .additionalPropertiesBoolean(Boolean.TRUE)
                        .description("JSON Merge Patch (RFC 7396): the fields to change, as in the PUT body; null "
                                + "removes a field"));
            }
        }
        if (write) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        } else {
            // Reads work anonymously; a token only widens what the caller sees (drafts for editors).
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri")
                        .examples(List.of("https://kopij.io/problems/article.not-found")))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of("Not found")))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).examples(List.of(404)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("No article 0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11")))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("/api/v1/articles/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11")))
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("Stable machine-readable code").examples(List.of("article.not-found")))
                .addProperty("correlationId", string.description("Set on 5xx responses"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status", "code"));
    }
}
