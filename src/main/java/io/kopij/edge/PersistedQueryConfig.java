package io.kopij.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** GraphQL persisted queries (kopij.persisted-queries.*). Every key is in README's table. */
@ConfigMapping(prefix = "kopij.persisted-queries")
public interface PersistedQueryConfig {

    /** Accept Apollo automatic persisted queries (a client sends a query's hash instead of its text). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Trusted-documents mode: only documents an admin registered ({@code PUT /api/v1/graphql/documents}) run; any
     * other query, sent as text or as a hash, is refused.
     */
    @WithDefault("false")
    boolean trustedOnly();

    /** Most documents automatic persisted queries may store; beyond it a new query still runs but is not stored. */
    @WithDefault("10000")
    int maxStored();
}
