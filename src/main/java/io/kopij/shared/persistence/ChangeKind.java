package io.kopij.shared.persistence;

/** What a write did to an entity, as the change notifications of the author and tag features say it. */
public enum ChangeKind {
    CREATED, UPDATED, DELETED
}
