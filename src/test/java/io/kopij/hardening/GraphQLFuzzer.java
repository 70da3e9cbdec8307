package io.kopij.hardening;

import graphql.language.AstPrinter;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile GraphQL requests for every query and mutation of the committed schema: hostile variables and literals for
 * each argument, and request shapes a careless client sends (variables that are not an object, a query that is not a
 * string, broken JSON, unparseable or invalid documents, nesting and fragment bombs).
 */
final class GraphQLFuzzer {

    private record Operation(String kind, FieldDefinition field) {
    }

    private final HostileValues values;
    private final FuzzTest.Fixtures fixtures;
    private final FuzzReport report;
    private final TypeDefinitionRegistry schema;
    private final List<Operation> operations = new ArrayList<>();

    GraphQLFuzzer(HostileValues values, FuzzTest.Fixtures fixtures, FuzzReport report) {
        this.values = values;
        this.fixtures = fixtures;
        this.report = report;
        try {
            schema = new SchemaParser().parse(Files.readString(Path.of("openapi/schema.graphql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String kind : List.of("Query", "Mutation")) {
            schema.getType(kind, ObjectTypeDefinition.class).ifPresent(type -> type.getFieldDefinitions()
                    .forEach(field -> operations.add(new Operation(kind.equals("Query") ? "query" : "mutation", field))));
        }
    }

    void run(int requests) {
        int start = report.requests();
        while (report.requests() - start < requests) {
            if (values.random().nextInt(5) == 0) {
                shape();
            } else {
                operation(operations.get(values.random().nextInt(operations.size())));
            }
        }
    }

    private void operation(Operation operation) {
        var random = values.random();
        FieldDefinition field = operation.field();
        List<String> declarations = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        List<InputValueDefinition> inputs = field.getInputValueDefinitions();
        int hostile = inputs.isEmpty() ? -1 : random.nextInt(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            InputValueDefinition input = inputs.get(i);
            boolean required = input.getType() instanceof NonNullType;
            if (i != hostile && !required && random.nextBoolean()) {
                continue;
            }
            Object value = i == hostile ? values.json() : valid(input);
            if (i == hostile && random.nextInt(3) == 0 && value instanceof String text) {
                arguments.add(input.getName() + ": " + literal(text)); // hostile text inside the document itself
                continue;
            }
            declarations.add("$v" + i + ": " + AstPrinter.printAst(input.getType()));
            arguments.add(input.getName() + ": $v" + i);
            variables.put("v" + i, value);
        }
        String document = operation.kind() + (declarations.isEmpty() ? "" : " Fuzz(" + String.join(", ", declarations) + ")")
                + " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                + selection(field.getType()) + " }";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        send(FuzzTest.caller(random.nextInt(4)), RestFuzzer.json(body), operation.kind().equals("mutation"));
    }

    /** Request shapes that are not a well-formed GraphQL-over-HTTP request, or documents that must be refused. */
    private void shape() {
        String query = "{ __typename }";
        String fragments = fragmentBomb(22 + values.random().nextInt(20));
        String[] bodies = {
            "{\"query\": \"" + query + "\", \"variables\": \"x\"}",
            "{\"query\": \"" + query + "\", \"variables\": [1]}",
            "{\"query\": \"" + query + "\", \"variables\": 5}",
            "{\"query\": \"" + query + "\", \"operationName\": {}}",
            "{\"query\": \"" + query + "\", \"extensions\": \"x\"}",
            "{\"query\": 5}", "{\"query\": [\"" + query + "\"]}", "{\"query\": null}", "{}", "[]", "null", "5",
            "{\"query\": \"" + query + "\"", "not json", "",
            "{\"query\": \"{ articles { edges { node { nosuchfield } } } }\"}",
            "{\"query\": \"{ article(id: 1, slug: 2, id: 3) }\"}",
            "{\"query\": \"query { \"}",
            "{\"query\": \"" + "{ a: __typename ".repeat(300) + "}\"}",
            "{\"query\": \"" + "{ articles { edges { node { related { id } ".repeat(8) + "} } } }".repeat(8) + "\"}",
            RestFuzzer.json(Map.of("query", fragments)),
            RestFuzzer.json(Map.of("query", "query($n: Int!) { articles(first: $n) { totalCount } }",
                    "variables", Map.of("n", values.json() == null ? "x" : "99999999999"))),
            RestFuzzer.json(Map.of("query", "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }",
                    "variables", Map.of("f", Map.of("publishedAfter", values.text(), "query", values.text())))),
        };
        String body = bodies[values.random().nextInt(bodies.length)];
        send(FuzzTest.caller(values.random().nextInt(4)), body, false);
    }

    /** Fragments where each spreads the next one twice: exponential if each spread is analysed again. */
    static String fragmentBomb(int depth) {
        StringBuilder document = new StringBuilder("query { ...F0 }");
        for (int i = 0; i < depth; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }");
        }
        document.append(" fragment F").append(depth).append(" on Query { __typename }");
        return document.toString();
    }

    private void send(RequestSpecification caller, String body, boolean mutation) {
        String accept = values.random().nextInt(3) == 0 ? "application/graphql-response+json" : "application/json";
        var before = mutation ? report.state() : null;
        Response response = caller.accept(accept).contentType("application/json").body(body).post("/graphql");
        report.check("POST /graphql Accept " + accept + " " + RestFuzzer.escape(body), response, wellFormed(response),
                before, refused(response));
    }

    /** Errors carry a stable code; nothing else counts as an error answer. */
    private static boolean wellFormed(Response response) {
        try {
            JsonPath json = response.jsonPath();
            if (String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                return json.getString("code") != null;
            }
            List<Object> errors = json.getList("errors");
            if (errors == null) {
                return response.statusCode() < 400;
            }
            List<Object> codes = json.getList("errors.extensions.code");
            return codes != null && codes.size() == errors.size() && codes.stream().allMatch(c -> c instanceof String);
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static boolean refused(Response response) {
        try {
            return response.statusCode() >= 400 || response.jsonPath().getList("errors") != null;
        } catch (RuntimeException notJson) {
            return true;
        }
    }

    private Object valid(InputValueDefinition input) {
        String type = typeName(input.getType());
        boolean list = unwrap(input.getType()) instanceof ListType;
        Object value = switch (type) {
            case "ID" -> input.getName().toLowerCase().contains("tag") ? fixtures.tagId() : fixtures.publishedId();
            case "String" -> input.getName().equals("slug") ? fixtures.publishedSlug() : "fuzz";
            case "Int" -> 5;
            case "Boolean" -> true;
            default -> null;
        };
        return list && value != null ? List.of(value) : value;
    }

    private String selection(Type<?> type) {
        String name = typeName(type);
        return schema.getType(name).filter(t -> !(t instanceof graphql.language.ScalarTypeDefinition)
                        && !(t instanceof graphql.language.EnumTypeDefinition)).isPresent()
                ? " { __typename }" : "";
    }

    private static Type<?> unwrap(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }

    private static String typeName(Type<?> type) {
        Type<?> current = type;
        while (!(current instanceof TypeName)) {
            current = current instanceof NonNullType nonNull ? nonNull.getType() : ((ListType) current).getType();
        }
        return ((TypeName) current).getName();
    }

    /** A GraphQL string literal: every character outside printable ASCII as a \\u escape. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\'
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
