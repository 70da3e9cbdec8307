package io.kopij.shared.graphql;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Map;

/**
 * Refuses abusive queries before they execute: too long, too deep, too many aliases or root fields. (Cost, which
 * weighs page sizes, is checked by {@link PageSizeComplexity}.)
 */
public class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQLLimits limits;

    public QueryLimitsInstrumentation(GraphQLLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        String query = parameters.getQuery();
        if (query != null && query.length() > limits.maxQueryLength()) {
            throw new QueryLimitExceededException("graphql.query-too-long",
                    "The query has " + query.length() + " characters; the limit is " + limits.maxQueryLength());
        }
        return super.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Map<String, FragmentDefinition> fragments = context.getFragmentsByName();
        SelectionSet root = context.getOperationDefinition().getSelectionSet();
        int rootFields = countFields(root, fragments, 0);
        if (rootFields > limits.maxRootFields()) {
            throw new QueryLimitExceededException("graphql.too-many-root-fields",
                    "The query asks for " + rootFields + " root fields; the limit is " + limits.maxRootFields());
        }
        int aliases = countAliases(root, fragments, 0);
        if (aliases > limits.maxAliases()) {
            throw new QueryLimitExceededException("graphql.too-many-aliases",
                    "The query uses " + aliases + " aliases; the limit is " + limits.maxAliases());
        }
        int depth = depth(root, fragments, 0);
        if (depth > limits.maxDepth()) {
            throw new QueryLimitExceededException("graphql.query-too-deep",
                    "The query is " + depth + " levels deep; the limit is " + limits.maxDepth());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Fields directly in this selection set, looking through fragments. */
    private static int countFields(SelectionSet set, Map<String, FragmentDefinition> fragments, int nesting) {
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field) {
                count++;
            } else if (nested(selection, fragments) != null && nesting < 20) {
                count += countFields(nested(selection, fragments), fragments, nesting + 1);
            }
        }
        return count;
    }

    private static int countAliases(SelectionSet set, Map<String, FragmentDefinition> fragments, int nesting) {
        if (set == null || nesting > 50) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getAlias() != null) {
                    count++;
                }
                count += countAliases(field.getSelectionSet(), fragments, nesting + 1);
            } else {
                count += countAliases(nested(selection, fragments), fragments, nesting + 1);
            }
        }
        return count;
    }

    private static int depth(SelectionSet set, Map<String, FragmentDefinition> fragments, int nesting) {
        if (set == null || nesting > 50) {
            return 0;
        }
        int deepest = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                deepest = Math.max(deepest, 1 + depth(field.getSelectionSet(), fragments, nesting + 1));
            } else {
                deepest = Math.max(deepest, depth(nested(selection, fragments), fragments, nesting + 1));
            }
        }
        return deepest;
    }

    private static SelectionSet nested(Selection<?> selection, Map<String, FragmentDefinition> fragments) {
        if (selection instanceof InlineFragment inline) {
            return inline.getSelectionSet();
        }
        if (selection instanceof FragmentSpread spread) {
            FragmentDefinition definition = fragments.get(spread.getName());
            return definition == null ? null : definition.getSelectionSet();
        }
        return null;
    }
}
