package io.kopij.event.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * An event about to be written: its subject (the article, author or tag), whether anonymous readers may see it,
 * the tag slugs and languages filters match it by (before and after the change), and its thin {@code data}.
 */
public record NewEvent(UUID id, String type, UUID subjectId, boolean isPublic, List<String> tags,
        List<String> languages, ObjectNode data) {
}
