package io.kopij.shared.graphql;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The size of a GraphQL operation, measured before graphql-java validates or runs it: depth, cost, aliases and root
 * fields. Each fragment is measured once and its measure reused wherever it is spread, so a document whose
 * fragments spread each other twice (2^n fields once expanded) costs n steps here instead of 2^n, and is refused by
 * its cost before any exponential work. Introspection ({@code __schema}, {@code __type}) is exempt from the depth
 * limit (the standard introspection query is 15 levels deep) but not from the cost.
 *
 * <p>Cost: a field costs 1 plus its selections; a paged field ({@code first}) multiplies its selections by its page
 * size (the argument, the variable's value, or the schema default), so {@code articles(first: 100)} costs about 100
 * times what one article costs.
 */
public final class QueryAnalysis {

    /** What one selection set amounts to; sums saturate instead of overflowing. */
    record Measure(long cost, int depth, long aliases, long fields) {

        static final Measure NONE = new Measure(0, 0, 0, 0);

        Measure plus(Measure other) {
            return new Measure(add(cost, other.cost), Math.max(depth, other.depth), add(aliases, other.aliases),
                    add(fields, other.fields));
        }
    }

    /** The operation's size; {@code rootFields} counts fields at the root through fragments. */
    public record Result(long cost, int depth, long aliases, long rootFields) {
    }

    /** Assumed page size of a paged field without {@code first} and without a schema default. */
    static final int DEFAULT_PAGE = 20;
    private static final long CAP = Long.MAX_VALUE / 4;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private final Map<String, Measure> measured = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();
    private final Map<String, Long> rootCounts = new HashMap<>();
    private final Set<String> counting = new HashSet<>();

    private QueryAnalysis(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
    }

    /**
     * Measures {@code operation} of {@code document}. Throws {@link QueryLimitExceededException} for a fragment that
     * spreads itself (directly or through others): such a document is invalid and would never end.
     */
    public static Result of(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables) {
        QueryAnalysis analysis = new QueryAnalysis(schema, document, variables);
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        Measure measure = analysis.selections(operation.getSelectionSet(), root, true);
        return new Result(measure.cost(), measure.depth(), measure.aliases(), analysis.rootFields(
                operation.getSelectionSet()));
    }

    private Measure selections(SelectionSet set, GraphQLType parent, boolean root) {
        Measure total = Measure.NONE;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                total = total.plus(field(field, parent, root));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType type = inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                total = total.plus(selections(inline.getSelectionSet(), type, root));
            } else if (selection instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName(), root));
            }
        }
        return total;
    }

    private Measure fragment(String name, boolean root) {
        String key = root ? "root:" + name : name;
        Measure known = measured.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null) {
            return Measure.NONE; // validation reports the unknown fragment
        }
        if (!measuring.add(key)) {
            throw new QueryLimitExceededException("graphql.validation", "Fragment " + name + " spreads itself");
        }
        Measure measure = selections(definition.getSelectionSet(), schema.getType(
                definition.getTypeCondition().getName()), root);
        measuring.remove(key);
        measured.put(key, measure);
        return measure;
    }

    private Measure field(Field field, GraphQLType parent, boolean root) {
        boolean introspection = root && (field.getName().equals("__schema") || field.getName().equals("__type"));
        Optional<GraphQLFieldDefinition> definition = definition(parent, field.getName());
        GraphQLType type = definition.map(d -> (GraphQLType) GraphQLTypeUtil.unwrapAll(d.getType())).orElse(null);
        Measure children = selections(field.getSelectionSet(), type, false);
        long page = definition.filter(d -> d.getArgument("first") != null).map(d -> pageSize(field, d)).orElse(0L);
        long cost = add(1, page > 0 ? multiply(Math.max(1, page), Math.max(1, children.cost())) : children.cost());
        int depth = introspection ? 0 : children.depth() + 1;
        return new Measure(cost, depth, add(children.aliases(), field.getAlias() != null ? 1 : 0),
                add(children.fields(), 1));
    }

    private long pageSize(Field field, GraphQLFieldDefinition definition) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first")) {
                if (argument.getValue() instanceof IntValue literal) {
                    return Math.max(1, literal.getValue().min(BigInteger.valueOf(CAP)).longValue());
                }
                if (argument.getValue() instanceof VariableReference reference
                        && variables.get(reference.getName()) instanceof Number number) {
                    return Math.max(1, number.longValue());
                }
            }
        }
        Object fallback = definition.getArgument("first").getArgumentDefaultValue().getValue();
        return fallback instanceof IntValue literal ? literal.getValue().longValue()
                : fallback instanceof Number number ? number.longValue() : DEFAULT_PAGE;
    }

    /** Fields directly at the root, looking through fragments (each fragment counted once, then reused). */
    private long rootFields(SelectionSet set) {
        long count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field) {
                count = add(count, 1);
            } else if (selection instanceof InlineFragment inline) {
                count = add(count, rootFields(inline.getSelectionSet()));
            } else if (selection instanceof FragmentSpread spread) {
                count = add(count, rootFieldsOf(spread.getName()));
            }
        }
        return count;
    }

    private long rootFieldsOf(String fragment) {
        Long known = rootCounts.get(fragment);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(fragment);
        if (definition == null || !counting.add(fragment)) {
            return 0; // unknown, or a cycle: validation reports both
        }
        long count = rootFields(definition.getSelectionSet());
        counting.remove(fragment);
        rootCounts.put(fragment, count);
        return count;
    }

    private Optional<GraphQLFieldDefinition> definition(GraphQLType parent, String name) {
        if (parent instanceof GraphQLFieldsContainer container) {
            return Optional.ofNullable(container.getFieldDefinition(name));
        }
        return Optional.empty();
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long a, long b) {
        return a > CAP / Math.max(1, b) ? CAP : Math.min(CAP, a * b);
    }
}
