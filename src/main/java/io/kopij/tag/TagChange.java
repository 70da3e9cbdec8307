package io.kopij.tag;

import io.kopij.shared.persistence.ChangeKind;

/**
 * Fired synchronously inside the writing transaction whenever a tag is created, is about to be flushed with
 * changes, or is about to be deleted: observers (the change events of the event feature) can still see which fields
 * differ from the stored state. The tag feature knows nothing of its observers.
 */
public record TagChange(Tag tag, ChangeKind kind) {
}
