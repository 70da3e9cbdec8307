package io.kopij.article.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Full-text search ({@code kopij.search.*}). */
@ConfigMapping(prefix = "kopij.search")
public interface SearchConfig {

    /**
     * How many matches a relevance sort ranks: the newest ones (by publication time, or last change for articles
     * without one). Ranking reads each match's whole search vector, so a common word would otherwise cost a
     * vector per matching article; matches beyond these follow them unranked (0: none is ranked). Date and title
     * sorts are exact.
     */
    @WithDefault("200")
    @Min(0) // a negative limit would fail every relevance search; refused at startup instead
    int rankCandidates();
}
