package io.kopij.shared.web;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import io.kopij.shared.cache.AnswerTags;
import io.kopij.shared.cache.CacheTags;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sparse fieldsets ({@code fields=id,slug,title}) for clients on slow links: only the named top-level fields of
 * each item are sent. Unknown names are a 400 that lists the valid ones.
 * <p>
 * The answer is written in one pass, like the full one: a copy of the application's ObjectMapper puts a property
 * filter on the item type, and the filter leaves out the unwanted properties of the items (never of records nested
 * in them). The page envelope, the inclusion rules and the date formats are the application mapper's, so the bytes
 * are those of the full answer with the other item properties taken out.
 */
@ApplicationScoped
public class SparseFields {

    private static final int MAX_LENGTH = 500;
    private static final String FILTER = "kopij.sparse-fields";

    /** The field names of an item type, sorted for the message that lists them. */
    private static final ClassValue<Set<String>> KNOWN = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            return Collections.unmodifiableSet(names);
        }
    };

    private final ObjectMapper json;
    private final AnswerTags answerTags;
    /** Per item type: a writer of a mapper copy that filters that type (only that one). */
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    SparseFields(ObjectMapper json, AnswerTags answerTags) {
        this.json = json;
        this.answerTags = answerTags;
    }

    /** The entity itself when {@code fields} is absent, else the entity written with only those item fields. */
    public Object select(Object entity, String fields, Class<? extends Record> itemType) {
        if (fields == null) {
            return entity;
        }
        Set<String> wanted = parse(fields, itemType);
        answerTags.add(CacheTags.collect(entity)); // the selection below does not show what it was made from
        // How deep the items' objects are: {"data": [{item}]}, [{item}], or {item} itself.
        int depth = entity instanceof Page<?> ? 3 : entity instanceof List<?> ? 2 : 1;
        ObjectWriter writer = writers.computeIfAbsent(itemType, this::filteringWriter)
                .with(new SimpleFilterProvider().addFilter(FILTER, new ItemFilter(wanted, depth)));
        return new Selection(entity, writer);
    }

    private ObjectWriter filteringWriter(Class<?> itemType) {
        return json.copy().addMixIn(itemType, Filtered.class).writer();
    }

    static Set<String> parse(String fields, Class<? extends Record> itemType) {
        Set<String> known = KNOWN.get(itemType);
        if (fields.isBlank() || fields.length() > MAX_LENGTH) {
            throw InvalidInputException.field("fields", "must name one or more fields: " + String.join(", ", known));
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : fields.split(",")) {
            String trimmed = name.trim();
            if (!known.contains(trimmed)) {
                throw InvalidInputException.field("fields", "unknown field '" + trimmed + "'; known: "
                        + String.join(", ", known));
            }
            wanted.add(trimmed);
        }
        return wanted;
    }

    @JsonFilter(FILTER)
    private abstract static class Filtered {
    }

    /** Writes the wanted properties of objects at the items' depth, and every property of the same type elsewhere. */
    private static final class ItemFilter extends SimpleBeanPropertyFilter {

        private final Set<String> wanted;
        private final int depth;

        ItemFilter(Set<String> wanted, int depth) {
            this.wanted = wanted;
            this.depth = depth;
        }

        @Override
        public void serializeAsField(Object pojo, JsonGenerator generator, SerializerProvider provider,
                PropertyWriter writer) throws Exception {
            if (generator.getOutputContext().getNestingDepth() != depth || wanted.contains(writer.getName())) {
                writer.serializeAsField(pojo, generator, provider);
            } else if (!generator.canOmitFields()) {
                writer.serializeAsOmittedField(pojo, generator, provider);
            }
        }
    }

    /**
     * An answer with a sparse fieldset: written by whichever ObjectMapper writes the answer (the response writer,
     * HttpCaching's ETag), always through the filtering writer. Not a record, so cache tags are not collected twice.
     */
    static final class Selection implements JsonSerializable {

        private final Object entity;
        private final ObjectWriter writer;

        Selection(Object entity, ObjectWriter writer) {
            this.entity = entity;
            this.writer = writer;
        }

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
            writer.writeValue(generator, entity);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
                throws IOException {
            serialize(generator, provider);
        }
    }
}
