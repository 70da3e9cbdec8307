package io.kopij.shared.graphql;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import java.util.List;

/**
 * The limits inside graphql-java, for whatever did not come through Kopij's HTTP endpoint (subscriptions over
 * WebSocket): checked before validation (which is where large fragment graphs get expensive) and again before
 * each execution (a cached document can come back with larger page sizes in its variables).
 */
public class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQLLimits limits;

    public QueryLimitsInstrumentation(GraphQLLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        limits.checkLength(parameters.getQuery());
        return super.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        Document document = parameters.getDocument();
        OperationDefinition operation = operation(document, parameters.getOperation());
        if (operation != null) {
            limits.check(parameters.getSchema(), document, operation, parameters.getVariables());
        }
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        limits.check(context.getGraphQLSchema(), context.getDocument(), context.getOperationDefinition(),
                context.getCoercedVariables().toMap());
        return super.beginExecuteOperation(parameters, state);
    }

    /** The named operation, or the only one; null when that is ambiguous (validation reports it). */
    static OperationDefinition operation(Document document, String name) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null || name.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> name.equals(o.getName())).findFirst().orElse(null);
    }
}
