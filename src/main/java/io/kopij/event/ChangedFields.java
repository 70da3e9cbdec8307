package io.kopij.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.article.revision.RevisionSnapshot;
import io.kopij.tag.TagSummary;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code changed} field names of an article event, from two revision snapshots. Authors and tags compare by
 * identity and order only: a tag renamed since the previous revision is not a change of this article's tags.
 */
final class ChangedFields {

    private ChangedFields() {
    }

    /** Fields that have a value (an article's creation). */
    static List<String> present(ObjectMapper json, RevisionSnapshot snapshot) {
        List<String> fields = new ArrayList<>();
        normalized(json, snapshot).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            boolean empty = value.isNull() || (value.isArray() && value.isEmpty())
                    || (value.isBoolean() && !value.asBoolean());
            if (!empty) {
                fields.add(field.getKey());
            }
        });
        return fields;
    }

    static List<String> between(ObjectMapper json, RevisionSnapshot before, RevisionSnapshot after) {
        ObjectNode a = normalized(json, before);
        ObjectNode b = normalized(json, after);
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = a.get(field.getKey());
            if (old == null ? !field.getValue().isNull() : !old.equals(field.getValue())) {
                fields.add(field.getKey());
            }
        }
        return fields;
    }

    static List<String> tagSlugs(RevisionSnapshot snapshot) {
        return snapshot.tags() == null ? List.of() : snapshot.tags().stream().map(TagSummary::slug).toList();
    }

    private static ObjectNode normalized(ObjectMapper json, RevisionSnapshot snapshot) {
        ObjectNode node = json.valueToTree(snapshot);
        for (String relation : List.of("authors", "tags")) {
            JsonNode list = node.get(relation);
            if (list != null && list.isArray()) {
                ArrayNode ids = json.createArrayNode();
                list.forEach(item -> ids.add(item.path("id").asText()));
                node.set(relation, ids);
            }
        }
        return node;
    }
}
