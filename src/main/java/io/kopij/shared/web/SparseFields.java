package io.kopij.shared.web;

import io.kopij.shared.cache.AnswerTags;
import io.kopij.shared.cache.CacheTags;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sparse fieldsets ({@code fields=id,slug,title}) for clients on slow links: only the named top-level fields of
 * each item are sent. Unknown names are a 400 that lists the valid ones.
 */
@ApplicationScoped
public class SparseFields {

    private static final int MAX_LENGTH = 500;

    private final ObjectMapper json;
    private final AnswerTags answerTags;

    SparseFields(ObjectMapper json, AnswerTags answerTags) {
        this.json = json;
        this.answerTags = answerTags;
    }

    /** The entity itself when {@code fields} is absent, else a JSON tree with only those fields. */
    public Object select(Object entity, String fields, Class<? extends Record> itemType) {
        if (fields == null) {
            return entity;
        }
        Set<String> wanted = parse(fields, itemType);
        answerTags.add(CacheTags.collect(entity)); // the tree below no longer shows what it was made from
        if (entity instanceof Page<?> page) {
            ObjectNode tree = json.valueToTree(page);
            ArrayNode data = (ArrayNode) tree.get("data");
            data.forEach(item -> ((ObjectNode) item).retain(wanted));
            return tree;
        }
        if (entity instanceof List<?> list) {
            ArrayNode tree = json.valueToTree(list);
            tree.forEach(item -> ((ObjectNode) item).retain(wanted));
            return tree;
        }
        JsonNode tree = json.valueToTree(entity);
        ((ObjectNode) tree).retain(wanted);
        return tree;
    }

    static Set<String> parse(String fields, Class<? extends Record> itemType) {
        Set<String> known = Arrays.stream(itemType.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        if (fields.isBlank() || fields.length() > MAX_LENGTH) {
            throw InvalidInputException.field("fields", "must name one or more fields: " + String.join(", ", known));
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : fields.split(",")) {
            String trimmed = name.trim();
            if (!known.contains(trimmed)) {
                throw InvalidInputException.field("fields", "unknown field '" + trimmed + "'; known: "
                        + String.join(", ", known));
            }
            wanted.add(trimmed);
        }
        return wanted;
    }
}
