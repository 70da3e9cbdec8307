package io.kopij.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents, on every operation, the answers the shared HTTP handling gives besides the resource's own: problems
 * (with the statuses each kind of operation can get), the caching headers and conditional requests of reads (ETag,
 * Last-Modified, Cache-Control, If-None-Match and 304), Location and ETag of creations, If-Match (required where
 * leaving it out is a 428), 301 for old slugs, 503 with Retry-After; and the bearer scheme.
 */
final class OpenApiResponses {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private OpenApiResponses() {
    }

    static void document(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("FieldError", object()
                .addProperty("field", string().examples(List.of("title")))
                .addProperty("message", string().examples(List.of("must not be blank")))
                .required(List.of("field", "message")));
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token issued by Keycloak (realm cms)"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema("JsonNode"); // merge patches get typed schemas (OpenApiShapes)
            openAPI.getComponents().removeSchema("JsonNodeType");
        }
        openAPI.servers(List.of(OASFactory.createServer().url("/").description("This Kopij instance")));
        Map<String, String> tagDescriptions = Map.of(
                "Articles", "News articles: drafts, publication, related articles, search",
                "Authors", "People credited on articles",
                "Tags", "Topics; the first tag of an article is its primary tag",
                "Revisions", "Every stored version of an article, with diff and restore",
                "Me", "The signed-in caller",
                "Assets", "Uploaded images, their metadata and renditions");
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> tag.description(tagDescriptions.getOrDefault(tag.getName(),
                    tag.getDescription())));
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        // Resources that need a token even to read declare @SecurityRequirement(name = "bearer") (webhooks, revisions,
        // /me, the media library); every other read works anonymously.
        boolean signedInOnly = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        boolean replace = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        // Registering GraphQL documents adds to a set that has no version (a document's hash is its identity).
        boolean versioned = !path.endsWith("/graphql/documents");
        if (read) {
            documentRead(path, operation, responses, signedInOnly);
        }
        // Replacing the related links is a whole-set write that may be sent blind: If-Match is optional there.
        if (replace && versioned && !path.endsWith("/related")) {
            requireIfMatch(operation);
        }
        APIResponse created = responses.getAPIResponse("201");
        if (created != null) {
            created.addHeader("Location", header("Where the created resource lives", "uri"));
            created.addHeader("ETag", header("The created resource's version, for If-Match", null));
        }
        if (!read && versioned && responses.getAPIResponse("200") != null && responses.getAPIResponse("200").getContent() != null) {
            responses.getAPIResponse("200").addHeader("ETag", header("The resource's new version, for If-Match", null));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input or unknown query parameter");
        if (!read || signedInOnly) {
            problems.put("401", "Not signed in (or an invalid token)");
            problems.put("403", "The caller's role or ownership does not allow this");
        }
        if (path.contains("{")) {
            problems.put("404", "Not found, or not visible to the caller");
        }
        if (!read && versioned) {
            problems.put("409", "Conflicts with the current state (a taken slug, an impossible transition)");
            problems.put("412", "If-Match names a stale version, or a concurrent write got there first");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "Request body too large");
            problems.put("415", "Unsupported content type (the problem names the expected one)");
            if (versioned) {
                problems.put("422", "Refers to things that cannot be used (unknown authors, tags, related articles "
                        + "or image assets), or content that cannot be processed (a damaged image)");
            }
        }
        if (replace && versioned && !path.endsWith("/related")) {
            problems.put("428", "If-Match is required");
        }
        problems.put("500", "Unexpected error; quote the correlationId");
        problems.put("503", "The database or the identity provider is unavailable; retry after Retry-After seconds");
        problems.forEach((status, description) -> addProblem(responses, status, description));
        APIResponse unavailable = responses.getAPIResponse("503");
        unavailable.addHeader("Retry-After", header("Seconds to wait before retrying", null, Schema.SchemaType.INTEGER));
        if (responses.getAPIResponse("401") != null) {
            responses.getAPIResponse("401").addHeader("WWW-Authenticate", header("Bearer", null));
        }
        if (read && !signedInOnly) {
            // Reads work anonymously; a token only widens what the caller sees (drafts for editors).
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
            addProblem(responses, "401", "An invalid or expired token (send none to read as anonymous)");
        } else if (!signedInOnly) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
    }

    private static void documentRead(String path, Operation operation, APIResponses responses, boolean signedInOnly) {
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("An ETag you hold; a match answers 304 without a body").schema(string()));
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", header("Strong validator of this answer (its version part also works for If-Match)",
                    null));
            ok.addHeader("Cache-Control", header("public with a short max-age for anonymous readers (and a long "
                    + "s-maxage while a purger is configured); private, no-store otherwise", null));
            if (!signedInOnly) {
                ok.addHeader("Surrogate-Key", header("Public answers: the cache keys of the entities shown, space "
                        + "separated (articles article:<id> author:<id> tag:<id>); purged on change", null));
                ok.addHeader("xkey", header("The same keys, for Varnish's xkey", null));
                ok.addHeader("Cache-Tag", header("The same keys comma separated, for Cloudflare", null));
            }
            if (path.contains("{")) {
                ok.addHeader("Last-Modified", header("When the resource last changed", null));
            }
        }
        responses.addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: the If-None-Match ETag still matches")
                .addHeader("ETag", header("The unchanged ETag", null)));
        if (path.endsWith("/by-slug/{slug}") && path.startsWith("/api/v1/articles")) {
            responses.addAPIResponse("301", OASFactory.createAPIResponse()
                    .description("An old slug of a published article: Location names the current address")
                    .addHeader("Location", header("The article under its current slug", "uri")));
        }
    }

    private static void requireIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.required(true).description("The ETag you read: a stale one is a 412, none a 428");
            }
        }
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        var content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.content(content); // e.g. the 400 SmallRye adds for validated bodies
        }
    }

    private static Header header(String description, String format) {
        return header(description, format, Schema.SchemaType.STRING);
    }

    private static Header header(String description, String format, Schema.SchemaType type) {
        Schema schema = OASFactory.createSchema().type(List.of(type));
        if (format != null) {
            schema.format(format);
        }
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema problemSchema() {
        return object()
                .description("RFC 9457 problem details")
                .addProperty("type", string().format("uri").examples(List.of("https://kopij.io/problems/article.not-found")))
                .addProperty("title", string().examples(List.of("Not found")))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .examples(List.of(404)))
                .addProperty("detail", string().examples(List.of("No article 0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11")))
                .addProperty("instance", string()
                        .examples(List.of("/api/v1/articles/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11")))
                .addProperty("code", string().description("Stable machine-readable code")
                        .examples(List.of("article.not-found")))
                .addProperty("correlationId", string().description("Set on 5xx responses"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status", "code"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema object() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT));
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
