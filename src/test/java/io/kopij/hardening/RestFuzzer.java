package io.kopij.hardening;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests for every operation of the committed OpenAPI contract: one parameter, header or body field at a
 * time gets a hostile value while the rest stays valid, so each request reaches as deep into Kopij as it can.
 */
final class RestFuzzer {

    private record Target(String path, PathItem.HttpMethod method, Operation operation) {
    }

    private static final List<String> HEADERS = List.of("If-Match", "If-None-Match", "Preview-Token", "Accept",
            "Content-Type", "X-Request-Id", "Accept-Encoding");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    private final HostileValues values;
    private final FuzzTest.Fixtures fixtures;
    private final FuzzReport report;
    private final List<Target> targets = new ArrayList<>();

    RestFuzzer(HostileValues values, FuzzTest.Fixtures fixtures, FuzzReport report) {
        this.values = values;
        this.fixtures = fixtures;
        this.report = report;
        OpenAPI contract = new OpenAPIV3Parser().read("openapi/openapi.yaml");
        contract.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> targets.add(new Target(path, method, operation))));
    }

    void run(int requests) {
        int start = report.requests();
        int round = 0;
        while (report.requests() - start < requests) {
            for (Target target : targets) {
                send(target, round++);
                if (report.requests() - start >= requests) {
                    return;
                }
            }
        }
    }

    private void send(Target target, int round) {
        var random = values.random();
        RequestSpecification request = FuzzTest.caller(random.nextInt(4));
        StringBuilder described = new StringBuilder(target.method() + " " + target.path());
        String path = resolve(target.path(), random.nextInt(4) == 0, request, described);
        List<Parameter> parameters = target.operation().getParameters() == null ? List.of()
                : target.operation().getParameters();
        int hostileParameter = parameters.isEmpty() ? -1 : random.nextInt(parameters.size() + 2);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (!"query".equals(parameter.getIn()) && !"header".equals(parameter.getIn())) {
                continue;
            }
            String value = i == hostileParameter ? hostileValue(parameter) : validValue(parameter.getName());
            if (value == null) {
                continue;
            }
            if ("query".equals(parameter.getIn())) {
                request.queryParam(parameter.getName(), value);
            } else {
                request.header(parameter.getName(), value);
            }
            described.append(" ").append(parameter.getName()).append("=").append(escape(value));
        }
        if (random.nextInt(6) == 0) {
            request.queryParam("unknown" + random.nextInt(3), values.text());
        }
        if (random.nextInt(5) == 0) {
            String header = HEADERS.get(random.nextInt(HEADERS.size()));
            String value = values.text().replaceAll("[\\x00-\\x1f\\x7f]", "").replaceAll("[^\\x20-\\x7e]", "?");
            request.header(header, value);
            described.append(" header ").append(header).append(": ").append(escape(value));
        }
        boolean write = target.method() != PathItem.HttpMethod.GET && target.method() != PathItem.HttpMethod.HEAD;
        if (target.operation().getRequestBody() != null) {
            body(target, request, described);
        }
        if (streams(target.operation())) {
            request.filter(new StreamingAnswer());
        }
        var before = write ? report.state() : null;
        Response response = request.request(target.method().name(), path);
        String type = String.valueOf(response.contentType());
        boolean formatOk = response.statusCode() < 400 || type.startsWith("application/problem+json");
        report.check(described.toString(), response, formatOk, before, response.statusCode() >= 400);
    }

    /** Whether a successful answer is an endless Server-Sent Events stream (GET /api/v1/changes). */
    private static boolean streams(Operation operation) {
        var ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        return ok != null && ok.getContent() != null && ok.getContent().containsKey("text/event-stream");
    }

    /**
     * The path template with its placeholders given as path parameters (REST Assured encodes them): fixtures, or
     * (when {@code hostile}) a hostile value for the first one.
     */
    private String resolve(String template, boolean hostile, RequestSpecification request, StringBuilder described) {
        String id = template.startsWith("/api/v1/tags") ? fixtures.tagId()
                : template.startsWith("/api/v1/authors") ? fixtures.authorId()
                : template.startsWith("/api/v1/assets") ? fixtures.assetId()
                : values.random().nextBoolean() ? fixtures.draftId() : fixtures.publishedId();
        String slug = template.startsWith("/api/v1/tags") ? fixtures.tagSlug()
                : template.startsWith("/api/v1/authors") ? fixtures.authorSlug() : fixtures.publishedSlug();
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (names.find()) {
            String name = names.group(1);
            placeholders.put(name, switch (name) {
                case "id" -> id;
                case "slug" -> slug;
                case "number", "version" -> "1";
                case "filename" -> "fuzz.png";
                default -> UUID.randomUUID().toString();
            });
        }
        if (hostile && !placeholders.isEmpty()) {
            String first = placeholders.keySet().iterator().next();
            // REST Assured reads braces in a path as placeholders: those are the one thing not sent raw
            String value = values.identifier().replace("{", "(").replace("}", ")");
            placeholders.put(first, value);
            described.append(" ").append(first).append("=").append(escape(value));
        }
        placeholders.forEach(request::pathParam);
        return template;
    }

    private String hostileValue(Parameter parameter) {
        String type = parameter.getSchema() == null ? "string" : String.valueOf(parameter.getSchema().getType());
        if (values.random().nextInt(8) == 0) {
            return "";
        }
        return "integer".equals(type) ? values.integer() : values.text();
    }

    /** A valid value for the parameters that have one worth sending, else nothing. */
    private String validValue(String name) {
        if (values.random().nextInt(3) != 0) {
            return null;
        }
        return switch (name) {
            case "tag" -> fixtures.tagSlug();
            case "author" -> fixtures.authorSlug();
            case "lang" -> "nl";
            case "limit" -> "5";
            case "sort" -> "-publishedAt";
            case "q" -> "fuzz";
            case "fields" -> "id,slug";
            default -> null;
        };
    }

    private void body(Target target, RequestSpecification request, StringBuilder described) {
        var random = values.random();
        String path = target.path();
        String contentType = target.operation().getRequestBody().getContent() == null ? "application/json"
                : target.operation().getRequestBody().getContent().keySet().iterator().next();
        if (contentType.startsWith("multipart/")) {
            upload(request, described);
            return;
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        if (path.startsWith("/api/v1/tags")) {
            valid.put("name", "Fuzz " + random.nextInt(1_000_000));
        } else if (path.startsWith("/api/v1/authors")) {
            valid.put("name", "Fuzz Persoon " + random.nextInt(1_000_000));
        } else if (path.endsWith("/publish")) {
            valid.put("at", "2030-01-01T00:00:00Z");
        } else {
            valid.put("title", "Fuzz " + random.nextInt(1_000_000));
            valid.put("lead", "Kort.");
            valid.put("tags", List.of(fixtures.tagSlug()));
        }
        Object body;
        switch (random.nextInt(10)) {
            case 0 -> body = Arrays.asList(values.json(), fixtures.publishedId());
            case 1 -> body = values.json();
            case 2 -> {
                String raw = new String[] {"{", "{\"title\": }", "{\"title\": \"x\"} extra", "[", "", "nul", "\"x\"",
                        "{\"title\": \"x\",}", "{\"title\":\"" + "[".repeat(5000) + "\"}", "\u0000"}[random.nextInt(10)];
                request.contentType(contentType).body(raw);
                described.append(" raw body ").append(escape(raw));
                return;
            }
            default -> body = path.endsWith("/related") ? List.of(fixtures.publishedId(), values.identifier())
                    : values.withHostileField(valid, List.of("title", "lead", "body", "language", "slug", "featured",
                    "image", "seo", "authors", "tags", "related", "name", "bio", "avatarUrl", "email", "description",
                    "at"));
        }
        String sentType = random.nextInt(12) == 0 ? "text/plain" : contentType;
        String json = json(body);
        request.contentType(sentType).body(json);
        described.append(" ").append(sentType).append(" body ").append(escape(json));
    }

    /**
     * A multipart upload with one hostile thing at a time: the file's bytes or name, a text field, a missing file,
     * or a body that is not multipart at all.
     */
    private void upload(RequestSpecification request, StringBuilder described) {
        var random = values.random();
        int hostile = random.nextInt(8);
        if (hostile == 0) {
            String raw = values.text();
            request.contentType(random.nextBoolean() ? "multipart/form-data" : "multipart/form-data; boundary=x")
                    .body(raw.getBytes(StandardCharsets.UTF_8));
            described.append(" raw multipart body ").append(escape(raw));
            return;
        }
        // REST Assured builds multipart bodies only under a multipart type (a hostile one may have been set above).
        request.contentType("multipart/form-data");
        switch (hostile) {
            case 1 -> {
                String text = values.text();
                request.multiPart("file", "fuzz.png", text.getBytes(StandardCharsets.UTF_8), "image/png");
                described.append(" file bytes ").append(escape(text));
            }
            case 2 -> {
                String name = values.text();
                request.multiPart("file", name, FuzzTest.Fixtures.IMAGE, "image/png");
                described.append(" file name ").append(escape(name));
            }
            case 3 -> {
                request.multiPart("alt", "zonder bestand");
                described.append(" no file part");
            }
            default -> {
                request.multiPart("file", "fuzz.png", FuzzTest.Fixtures.IMAGE, "image/png");
                String field = List.of("alt", "caption", "credit", "focalPoint").get(hostile - 4);
                String text = values.text();
                request.multiPart(field, text);
                described.append(" field ").append(field).append("=").append(escape(text));
            }
        }
    }

    /** JSON with every non-ASCII character escaped, so lone surrogates arrive as such. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> out.append(c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0x7f
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
