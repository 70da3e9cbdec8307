package io.kopij.shared.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.spi.config.Config;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * Replaces SmallRye's fetcher of plain POJO fields (a getter or record accessor, e.g. {@code Article.title}) with
 * one that does the same without first filling SmallRye's per-field request context. SmallRye's
 * {@link FieldDataFetcher} builds the whole selected-field tree of the request for every field of every object
 * (about 20 % of the CPU of a GraphQL list of 20 articles, measured with JFR), for a context that a getter never
 * reads. The value still goes through SmallRye's own {@link FieldHelper}, so formatting and adapters are the same.
 * Resolvers (methods of the GraphQL API classes) keep SmallRye's fetchers and their context; batch resolvers
 * without arguments first look for values their parent's resolver prefetched ({@link PrefetchedFields}).
 */
final class DirectFieldFetchers {

    private static final Logger LOG = Logger.getLogger(DirectFieldFetchers.class);

    private DirectFieldFetchers() {
    }

    /** The schema's code registry with direct getters for SmallRye's plain field fetchers. */
    static GraphQLCodeRegistry direct(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        java.lang.reflect.Field modelField;
        try {
            modelField = FieldDataFetcher.class.getDeclaredField("field");
            modelField.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("SmallRye's field fetcher changed shape; GraphQL fields keep it (slower)", e);
            return registry;
        }
        int replaced = 0;
        GraphQLCodeRegistry.Builder direct = GraphQLCodeRegistry.newCodeRegistry(registry);
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition definition : object.getFieldDefinitions()) {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(object, definition);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, definition);
                if (fetcher instanceof BatchDataFetcher<?> && definition.getArguments().isEmpty()) {
                    direct.dataFetcher(coordinates, PrefetchedFields.orBatch(object.getName(), definition.getName(),
                            fetcher));
                } else if (fetcher instanceof FieldDataFetcher<?> smallRye) {
                    try {
                        Field field = (Field) modelField.get(smallRye);
                        if (field.getMethodName() != null) {
                            direct.dataFetcher(coordinates, new Getter(field, smallRye));
                            replaced++;
                        }
                    } catch (IllegalAccessException e) {
                        LOG.warnf("Keeping SmallRye's fetcher for %s: %s", coordinates, e);
                    }
                }
            }
        }
        LOG.debugf("%d GraphQL fields read through their getters directly", replaced);
        if (Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())) {
            // SmallRye 2.17 reads its own default ("default") as a list of blocked-field patterns, so graphql-java
            // matches a regular expression on every field it resolves (4 % of a list query's CPU) to block nothing.
            direct.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
        }
        return direct.build();
    }

    /** Calls the getter of the source object; anything unexpected goes to SmallRye's fetcher. */
    static final class Getter implements DataFetcher<Object>, TrivialDataFetcher<Object> {

        private final Field field;
        private final FieldHelper helper;
        private final DataFetcher<?> fallback;
        /** The getter of the last source class seen (one class per field in practice); one field, so never torn. */
        private volatile Resolved resolved;

        private record Resolved(Class<?> type, Method getter) {
        }

        Getter(Field field, DataFetcher<?> fallback) {
            this.field = field;
            this.helper = new FieldHelper(field);
            this.fallback = fallback;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object source = environment.getSource();
            if (source == null) {
                return fallback.get(environment);
            }
            Method method = getterOf(source.getClass());
            if (method == null) {
                return fallback.get(environment);
            }
            Object value;
            try {
                value = method.invoke(source);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            try {
                return helper.transformOrAdaptResponse(value, environment);
            } catch (Exception e) {
                return value; // what SmallRye's fetcher does when a transformation fails (it logs it)
            }
        }

        private Method getterOf(Class<?> type) {
            Resolved last = resolved;
            if (last != null && last.type() == type) {
                return last.getter();
            }
            Method found;
            try {
                found = type.getMethod(field.getMethodName());
                // Public already; without this, every call repeats the access check (2 % of a list query's CPU).
                found.setAccessible(true);
            } catch (NoSuchMethodException | RuntimeException e) {
                found = null;
            }
            resolved = new Resolved(type, found);
            return found;
        }
    }
}
