package io.kopij.shared.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * Query cost that weighs page sizes: a field costs 1 plus its selections, and a paged field ({@code first})
 * multiplies its selections by the page size. {@code articles(first: 100) { edges { node { authors { name } } } }}
 * costs about 100 times what one article costs, which a field count would not show.
 */
public class PageSizeComplexity implements FieldComplexityCalculator {

    /** Page size assumed when a paged field has no explicit {@code first} (the largest default in the schema). */
    static final int DEFAULT_PAGE = 20;

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        Object first = environment.getArguments().get("first");
        if (first == null && !environment.getFieldDefinition().getArguments().stream()
                .anyMatch(argument -> argument.getName().equals("first"))) {
            return 1 + childComplexity;
        }
        long pageSize = first instanceof Number number ? Math.max(1, number.longValue()) : DEFAULT_PAGE;
        long cost = 1 + pageSize * Math.max(1, childComplexity);
        return (int) Math.min(Integer.MAX_VALUE / 4, cost);
    }
}
