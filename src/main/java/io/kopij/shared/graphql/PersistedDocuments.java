package io.kopij.shared.graphql;

import java.util.Optional;

/**
 * Where GraphQL documents are kept by their SHA-256 (the edge feature stores them in PostgreSQL): Apollo automatic
 * persisted queries, and the trusted documents an admin registered. Calls may block.
 */
public interface PersistedDocuments {

    /** The document with this hash (lower-case hex); with {@code trustedOnly}, only a registered one. */
    Optional<String> find(String sha256, boolean trustedOnly);

    /** Keeps a document a client sent with its (checked) hash, so later requests may send the hash alone. */
    void remember(String sha256, String document);

    /** Trusted-documents mode: only documents an admin registered run. */
    boolean trustedOnly();

    /** Whether automatic persisted queries are accepted at all. */
    boolean enabled();
}
