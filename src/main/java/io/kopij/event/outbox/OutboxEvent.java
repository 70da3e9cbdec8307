package io.kopij.event.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A committed event as read back from the outbox. */
public record OutboxEvent(UUID id, long position, String type, UUID subjectId, boolean isPublic, List<String> tags,
        List<String> languages, Instant occurredAt, JsonNode data) {

    /**
     * The envelope webhooks and SSE send: {@code {"type", "timestamp", "data": {"id", "position", ...}}}; the
     * event's own id travels separately (the webhook-id header).
     */
    public ObjectNode envelope(ObjectMapper json) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("type", type);
        envelope.put("timestamp", occurredAt.toString());
        ObjectNode body = envelope.putObject("data");
        body.put("id", subjectId.toString());
        body.put("position", position);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("id") && !field.getKey().equals("position")) {
                body.set(field.getKey(), field.getValue());
            }
        }
        return envelope;
    }

    /** Whether a type pattern ({@code article.published}, {@code article.*}, {@code *}) matches this event. */
    public static boolean typeMatches(String pattern, String type) {
        if (pattern.equals("*") || pattern.equals(type)) {
            return true;
        }
        return pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1));
    }
}
