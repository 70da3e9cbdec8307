package io.kopij.shared.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.shared.text.SafeText;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GraphQL-over-HTTP request as Kopij accepts it: {@code POST} with an {@code application/json} body, or
 * {@code GET} with query parameters; {@code query}, {@code operationName}, {@code variables} and {@code extensions}
 * of the right JSON types; text PostgreSQL can store. Anything else is refused here, with a status and a stable
 * code, before graphql-java sees it.
 */
public record GraphQLHttpRequest(String method, String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions, boolean graphqlResponseMediaType) {

    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    /** A request that cannot be run; {@code status} and {@code code} say why. */
    public static final class Refused extends RuntimeException {

        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** The same request running another query text (a persisted query's stored document). */
    GraphQLHttpRequest withQuery(String text) {
        checkText("query", text);
        return new GraphQLHttpRequest(method, text, operationName, variables, extensions, graphqlResponseMediaType);
    }

    /** Reads the request; {@code body} is the POST body (already limited in size). */
    static GraphQLHttpRequest read(RoutingContext context, String body) {
        boolean graphqlResponse = acceptsGraphQLResponse(context.request().getHeader("Accept"));
        String method = context.request().method().name();
        JsonNode parameters = switch (method) {
            case "POST" -> postBody(context.request().getHeader("Content-Type"), body);
            case "GET" -> getParameters(context);
            default -> throw new Refused(405, "request.method-not-allowed", "GraphQL takes GET and POST requests");
        };
        JsonNode query = parameters.get("query");
        if (query != null && !query.isNull() && !query.isTextual()) {
            throw new Refused(400, "graphql.request", "query must be a string");
        }
        JsonNode operationName = parameters.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw new Refused(400, "graphql.request", "operationName must be a string");
        }
        Map<String, Object> variables = object(parameters, "variables");
        Map<String, Object> extensions = object(parameters, "extensions");
        String queryText = query == null || query.isNull() ? null : query.textValue();
        checkText("query", queryText);
        checkText("operationName", operationName == null ? null : operationName.textValue());
        checkText(variables, "variables");
        return new GraphQLHttpRequest(method, queryText, operationName == null ? null : operationName.textValue(),
                variables, extensions, graphqlResponse);
    }

    /**
     * Whether the client asked for the GraphQL response media type (then request errors get 4xx statuses); a missing
     * Accept, {@code *}/{@code *} and {@code application/json} get {@code application/json}. Nothing acceptable: 406.
     */
    static boolean acceptsGraphQLResponse(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        boolean json = false;
        boolean graphql = false;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().toLowerCase(Locale.ROOT).split(";");
            String type = pieces[0].trim();
            boolean refused = List.of(pieces).stream().skip(1).map(String::trim)
                    .anyMatch(p -> p.replace(" ", "").matches("q=0(\\.0*)?"));
            if (refused) {
                continue;
            }
            switch (type) {
                case GRAPHQL_RESPONSE -> graphql = true;
                case "application/json", "*/*", "application/*" -> json = true;
                default -> {
                }
            }
        }
        if (!json && !graphql) {
            throw new Refused(406, "request.not-acceptable",
                    "GraphQL answers as application/graphql-response+json or application/json");
        }
        return graphql;
    }

    private static JsonNode postBody(String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new Refused(415, "request.unsupported-media-type",
                    "Send the request as application/json" + (type.isEmpty() ? "" : ", not " + type));
        }
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new Refused(400, "request.malformed-json", "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refused(400, "request.malformed-json", "The request body is not valid JSON");
        }
    }

    private static JsonNode getParameters(RoutingContext context) {
        var node = JSON.createObjectNode();
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = context.queryParam(name);
            if (values.size() > 1) {
                throw new Refused(400, "graphql.request", name + " must be given once");
            }
            if (values.isEmpty()) {
                continue;
            }
            String value = values.get(0);
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    node.set(name, JSON.readTree(value));
                } catch (JsonProcessingException e) {
                    throw new Refused(400, "graphql.request", name + " must be a JSON object");
                }
            } else {
                node.put(name, value);
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new Refused(400, "graphql.request", name + " must be a JSON object");
        }
        return JSON.convertValue(value, Map.class);
    }

    private static void checkText(String field, String text) {
        SafeText.problem(text).ifPresent(problem -> {
            throw new Refused(400, "request.invalid", field + " " + problem);
        });
    }

    @SuppressWarnings("unchecked")
    private static void checkText(Object value, String path) {
        if (value instanceof String text) {
            checkText(path, text);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                checkText(path + "." + entry.getKey(), entry.getKey());
                checkText(entry.getValue(), path + "." + entry.getKey());
            }
        } else if (value instanceof List<?> list) {
            Iterator<?> items = list.iterator();
            for (int i = 0; items.hasNext(); i++) {
                checkText(items.next(), path + "[" + i + "]");
            }
        }
    }
}
