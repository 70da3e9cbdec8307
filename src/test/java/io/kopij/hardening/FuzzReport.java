package io.kopij.hardening;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** What the fuzzers saw: every rule broken, with the request that broke it (the first few of each kind). */
final class FuzzReport {

    /** Internals that must never reach a client: Java types and stack frames, SQL and driver messages. */
    static final Pattern LEAK = Pattern.compile("(?i)(\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.[a-zA-Z.]*[A-Z]\\w*"
            + "|\\bat [a-z]+\\.[a-z]+\\.|caused by|exception|stack ?trace|sqlstate|psql|hibernate|jdbc"
            + "|syntax error at or near|violates (check|foreign key|unique|not-null) constraint|system error)");
    private static final int EXAMPLES = 8;

    private final Supplier<List<Object>> state;
    private List<Object> lastState;
    private int requests;
    private int serverErrors;
    private int leaks;
    private int badFormats;
    private int changedByRefusals;
    private final List<String> examples = new ArrayList<>();
    private final Map<String, Integer> perKind = new HashMap<>();

    FuzzReport(Supplier<List<Object>> state) {
        this.state = state;
    }

    int requests() {
        return requests;
    }

    int serverErrors() {
        return serverErrors;
    }

    int leaks() {
        return leaks;
    }

    int badFormats() {
        return badFormats;
    }

    int changedByRefusals() {
        return changedByRefusals;
    }

    /** The stored state before a write: known from the previous write's check, read only the first time. */
    List<Object> state() {
        if (lastState == null) {
            lastState = state.get();
        }
        return lastState;
    }

    /**
     * Checks one answer. {@code request} describes it for the report; {@code formatOk} says whether an error answer
     * has the API's error format; {@code before} is the stored state before a write (null for reads), which must
     * not have changed when the write was {@code refused}.
     */
    void check(String request, Response response, boolean formatOk, List<Object> before, boolean refused) {
        requests++;
        String body = response.asString();
        if (response.statusCode() >= 500) {
            serverErrors++;
            example("5xx", request, response.statusCode(), body);
        }
        var leak = LEAK.matcher(body);
        if (leak.find()) {
            leaks++;
            example("leak '" + leak.group() + "'", request, response.statusCode(), body);
        }
        if (!formatOk) {
            badFormats++;
            example("error format", request, response.statusCode(), body);
        }
        if (before != null) {
            List<Object> after = state.get();
            if (refused && !Objects.equals(before, after)) {
                changedByRefusals++;
                example("refused but stored " + before + " -> " + after, request, response.statusCode(), body);
            }
            lastState = after;
        }
    }

    /** Everything that went wrong, or "" when nothing did. */
    String failures() {
        return String.join("\n", examples);
    }

    private void example(String kind, String request, int status, String body) {
        String family = kind.split(" ")[0];
        int seen = perKind.merge(family, 1, Integer::sum);
        if (seen <= EXAMPLES) {
            examples.add(kind + ": " + request + " -> " + status + " "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        } else if (seen == EXAMPLES + 1) {
            examples.add(family + ": (more of these)");
        }
    }
}
