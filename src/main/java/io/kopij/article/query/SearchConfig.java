package io.kopij.article.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.eclipse.microprofile.config.spi.Converter;

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
    @WithConverter(NonNegative.class) // a negative limit would fail every relevance search; refused at startup instead
    int rankCandidates();

    /**
     * 0 or more. A converter rather than {@code @Min(0)}: one Bean Validation constraint on a config mapping makes
     * Quarkus build a Hibernate Validator factory for the configuration on every start (a third of a second here).
     */
    final class NonNegative implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new IllegalArgumentException("must be 0 or more, not " + number);
            }
            return number;
        }
    }
}
