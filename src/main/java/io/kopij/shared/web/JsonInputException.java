package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kopij.shared.error.KopijException;
import java.util.List;

/** JSON that a service had to bind itself (merge patches) and that does not fit the input: a 400 like any other. */
public class JsonInputException extends KopijException {

    public JsonInputException(JsonProcessingException cause) {
        this(ProblemMappers.jsonProblem(cause, null));
    }

    private JsonInputException(Problem problem) {
        super(problem.status(), problem.code(), problem.title(), problem.detail(),
                problem.errors() == null ? List.of() : problem.errors());
    }
}
