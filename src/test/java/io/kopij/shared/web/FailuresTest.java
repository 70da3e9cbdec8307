package io.kopij.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** What a refused write means depends on which rule refused it. */
class FailuresTest {

    @Test
    void onlyAUniqueViolationIsARaceWorthRetrying() {
        assertEquals("resource.conflict", code("23505"));
        assertEquals(409, status("23505"));
        assertEquals("resource.reference-conflict", code("23503"));
        assertEquals("resource.rule-violated", code("23514"));
        assertEquals(422, status("23514"));
        assertEquals("resource.rule-violated", code("23502"));
    }

    @Test
    void aValueTheStoreCannotHoldIsTheClients() {
        Problem problem = Failures.classify(new SQLException("value too long", "22001"), "/x").orElseThrow();
        assertEquals(400, problem.status());
        assertEquals("request.invalid-value", problem.code());
    }

    private static String code(String state) {
        return classify(state).code();
    }

    private static int status(String state) {
        return classify(state).status();
    }

    private static Problem classify(String state) {
        var violation = new ConstraintViolationException("refused", new SQLException("refused", state), "some_rule");
        return Failures.classify(violation, "/x").orElseThrow();
    }
}
