package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * PATCH for every resource: the current state as input, the merge patch applied to it, the result bound and
 * validated like a PUT body. A patch can therefore never reach a state a PUT could not.
 */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper json;
    private final InputValidator validator;

    MergePatcher(ObjectMapper json, InputValidator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        JsonNode merged = MergePatch.apply(json.valueToTree(current), patch);
        try {
            return validator.validate(json.treeToValue(merged, type));
        } catch (JsonProcessingException e) {
            throw new JsonInputException(e);
        }
    }
}
