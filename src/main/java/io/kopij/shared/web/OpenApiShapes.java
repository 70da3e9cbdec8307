package io.kopij.shared.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.smallrye.openapi.internal.models.media.SchemaSupport;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Schemas a generated client can trust:
 * <ul>
 * <li>answers: every property is always there (Kopij writes nulls), so all are {@code required}; those that can be
 * null say so ({@code @Schema(nullable = true)} on the record component); and objects may grow
 * ({@code additionalProperties: true}), so a client generated today keeps working when a field is added;</li>
 * <li>inputs: unknown fields are refused ({@code additionalProperties: false});</li>
 * <li>merge patches: a typed schema per resource under {@code application/merge-patch+json} (every field of the
 * replacement body, optional, null removing it);</li>
 * <li>answers shaped by {@code fields=}: an all-optional twin schema, offered next to the full one.</li>
 * </ul>
 */
final class OpenApiShapes {

    private static final String REF = "#/components/schemas/";

    private OpenApiShapes() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> sentByClients = sentByClients(openAPI);
        for (Map.Entry<String, Schema> entry : new LinkedHashMap<>(schemas).entrySet()) {
            String name = entry.getKey();
            Schema schema = entry.getValue();
            normaliseNullable(schema);
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            if (sentByClients.contains(name) && !isInput(name)) {
                continue; // a shape both sent and answered (an article's image): its optional fields stay optional
            }
            if (isInput(name)) {
                schema.additionalPropertiesBoolean(Boolean.FALSE);
            } else if (!name.equals("Problem")) {
                schema.required(new ArrayList<>(schema.getProperties().keySet()));
                schema.additionalPropertiesBoolean(Boolean.TRUE);
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            typePatch(openAPI, path, item);
            item.getOperations().forEach((method, operation) -> offerSparse(openAPI, method, operation));
        });
    }

    /** The schemas a request body refers to, directly or through other schemas. */
    private static Set<String> sentByClients(OpenAPI openAPI) {
        Set<String> found = new HashSet<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return found;
        }
        Deque<Schema> pending = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().getMediaTypes() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().stream()
                        .filter(media -> media.getSchema() != null).forEach(media -> pending.add(media.getSchema()));
            }
        }));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(REF.length());
                if (found.add(name) && schemas.get(name) != null) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                if (alternatives != null) {
                    pending.addAll(alternatives);
                }
            }
        }
        return found;
    }

    private static boolean isInput(String name) {
        return name.endsWith("Input") || name.endsWith("Request") || name.endsWith("Patch");
    }

    /**
     * SmallRye writes a nullable reference as any of the reference and null, but keeps a type list beside it (from
     * the referenced type): generators read that as a second, conflicting shape. The any-of alone says it all.
     */
    private static void normaliseNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(value -> {
            if (value.getAnyOf() != null && value.getType() != null) {
                SchemaSupport.setNullable(value, null);
                value.setType(null);
            }
        });
    }

    /**
     * PATCH takes any subset of the full body (the PUT body, or the create body of the collection for resources
     * that have no PUT): a typed, all-optional schema under the merge-patch media type.
     */
    private static void typePatch(OpenAPI openAPI, String path, PathItem item) {
        Operation patch = item.getPATCH();
        Operation put = item.getPUT();
        if (put == null && path.endsWith("}")) {
            PathItem collection = openAPI.getPaths().getPathItem(path.substring(0, path.lastIndexOf('/')));
            put = collection == null ? null : collection.getPOST();
        }
        if (patch == null || put == null || put.getRequestBody() == null || patch.getRequestBody() == null) {
            return;
        }
        MediaType replacement = put.getRequestBody().getContent().getMediaType("application/json");
        MediaType merge = patch.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
        if (replacement == null || merge == null || replacement.getSchema().getRef() == null) {
            return;
        }
        String input = replacement.getSchema().getRef().substring(REF.length());
        String name = input.endsWith("Input") ? input.substring(0, input.length() - "Input".length()) + "Patch"
                : input + "Patch";
        Schema source = openAPI.getComponents().getSchemas().get(input);
        if (source == null || source.getProperties() == null) {
            return;
        }
        Schema patchSchema = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("JSON Merge Patch (RFC 7396) of " + input + ": the fields to change; null removes a field")
                .additionalPropertiesBoolean(Boolean.FALSE);
        source.getProperties().forEach((property, schema) -> patchSchema.addProperty(property,
                OASFactory.createSchema().anyOf(List.of(schema, OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.NULL))))));
        openAPI.getComponents().addSchema(name, patchSchema);
        merge.schema(OASFactory.createSchema().ref(REF + name));
    }

    /**
     * An operation with a {@code fields} parameter answers either the full schema or, with {@code fields=}, only
     * the fields asked for: both are offered, the second with nothing required.
     */
    private static void offerSparse(OpenAPI openAPI, PathItem.HttpMethod method, Operation operation) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> p.getIn() == Parameter.In.QUERY && "fields".equals(p.getName()))) {
            return;
        }
        var ok = operation.getResponses().getAPIResponse("200");
        MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
        if (json == null || json.getSchema() == null) {
            return;
        }
        Schema full = json.getSchema();
        if (full.getRef() != null) {
            json.schema(OASFactory.createSchema().anyOf(List.of(full, OASFactory.createSchema()
                    .ref(REF + sparse(openAPI, full.getRef().substring(REF.length()))))));
        } else if (full.getItems() != null && full.getItems().getRef() != null) {
            String item = full.getItems().getRef().substring(REF.length());
            json.schema(OASFactory.createSchema().anyOf(List.of(full, OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.ARRAY)).items(OASFactory.createSchema().ref(REF + sparseItem(openAPI, item))))));
        }
    }

    /** A list envelope whose items are sparse, or a sparse single object. */
    private static String sparse(OpenAPI openAPI, String name) {
        Schema full = openAPI.getComponents().getSchemas().get(name);
        Schema data = full == null || full.getProperties() == null ? null : full.getProperties().get("data");
        if (data == null || data.getItems() == null || data.getItems().getRef() == null) {
            return sparseItem(openAPI, name);
        }
        String sparseName = name + "Sparse";
        if (!openAPI.getComponents().getSchemas().containsKey(sparseName)) {
            String item = data.getItems().getRef().substring(REF.length());
            Schema envelope = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description(name + " as answered with fields=: each item has only the fields asked for")
                    .additionalPropertiesBoolean(Boolean.TRUE)
                    .required(full.getRequired());
            full.getProperties().forEach((property, schema) -> envelope.addProperty(property, property.equals("data")
                    ? OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                            .items(OASFactory.createSchema().ref(REF + sparseItem(openAPI, item)))
                    : schema));
            openAPI.getComponents().addSchema(sparseName, envelope);
        }
        return sparseName;
    }

    private static String sparseItem(OpenAPI openAPI, String name) {
        String sparseName = name + "Sparse";
        if (!openAPI.getComponents().getSchemas().containsKey(sparseName)) {
            Schema full = openAPI.getComponents().getSchemas().get(name);
            Schema item = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description(name + " with only the fields asked for with fields=")
                    .additionalPropertiesBoolean(Boolean.TRUE);
            if (full != null && full.getProperties() != null) {
                full.getProperties().forEach(item::addProperty);
            }
            openAPI.getComponents().addSchema(sparseName, item);
        }
        return sparseName;
    }
}
