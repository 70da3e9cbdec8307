package io.kopij.shared.cache;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an answer contains, as cache keys ({@code articles article:<id> author:<id> tag:<id>}): the one value every
 * cacheable answer carries, computed once from what the answer shows. CDNs index answers by these keys and the
 * purgers drop them by key when the outbox says an entity changed. A render cache can store it with the bytes.
 */
public final class CacheTags {

    public static final CacheTags NONE = new CacheTags(Set.of());

    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.add(accessor);
            }
            return List.copyOf(accessors);
        }
    };

    /** The accessor of a record's {@code id} component, or a marker when it has none. */
    private static final ClassValue<Object> ID = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals("id")) {
                        Method accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        return accessor;
                    }
                }
            }
            return Boolean.FALSE;
        }
    };

    private final Set<String> keys;

    private CacheTags(Set<String> keys) {
        this.keys = keys;
    }

    public static CacheTags of(Collection<String> keys) {
        return keys.isEmpty() ? NONE : new CacheTags(Collections.unmodifiableSet(new LinkedHashSet<>(keys)));
    }

    public static CacheTags of(String... keys) {
        return of(List.of(keys));
    }

    /**
     * The keys of every {@link CacheKey} record reachable from an answer: records, lists, maps and arrays are
     * walked (a REST answer shows everything it holds).
     */
    public static CacheTags collect(Object answer) {
        Set<String> found = new LinkedHashSet<>();
        walk(answer, found, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return of(found);
    }

    /** This set with more keys (first). */
    public CacheTags plus(Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> all = new LinkedHashSet<>(more);
        all.addAll(keys);
        return of(all);
    }

    public CacheTags plus(CacheTags more) {
        return plus(more.keys);
    }

    public Set<String> keys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * The keys, fitted to a header of at most {@code maxLength} characters when joined with one-character
     * separators: while too long, the family with the most keys ({@code article:...}) is replaced by its coarse key
     * ({@code articles}), which every change of a member also purges. Coarse keys come first.
     */
    public List<String> fitted(int maxLength) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        List<String> coarse = new ArrayList<>();
        for (String key : keys) {
            int colon = key.indexOf(':');
            if (colon < 0) {
                coarse.add(key);
            } else {
                families.computeIfAbsent(key.substring(0, colon), f -> new ArrayList<>()).add(key);
            }
        }
        while (length(coarse, families) > maxLength && !families.isEmpty()) {
            String largest = families.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(),
                    b.getValue().size())).orElseThrow().getKey();
            families.remove(largest);
            if (!coarse.contains(largest + "s")) {
                coarse.add(largest + "s");
            }
        }
        List<String> fitted = new ArrayList<>(coarse);
        families.values().forEach(fitted::addAll);
        return fitted;
    }

    private static int length(List<String> coarse, Map<String, List<String>> families) {
        int length = -1;
        for (String key : coarse) {
            length += key.length() + 1;
        }
        for (List<String> family : families.values()) {
            for (String key : family) {
                length += key.length() + 1;
            }
        }
        return Math.max(0, length);
    }

    private static void walk(Object value, Set<String> found, Set<Object> seen, int depth) {
        if (value == null || depth > 8 || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?> || value instanceof Temporal
                || !seen.add(value)) {
            return;
        }
        CacheKey key = value.getClass().getAnnotation(CacheKey.class);
        if (key != null) {
            Object idAccessor = ID.get(value.getClass());
            if (idAccessor instanceof Method accessor) {
                try {
                    Object id = accessor.invoke(value);
                    if (id != null) {
                        found.add(key.value() + ":" + id);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            found.addAll(List.of(key.dependsOn()));
        }
        if (value instanceof CacheTags tags) {
            found.addAll(tags.keys);
            return;
        }
        if (value instanceof Collection<?> items) {
            items.forEach(item -> walk(item, found, seen, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> walk(item, found, seen, depth + 1));
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                walk(item, found, seen, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                try {
                    walk(accessor.invoke(value), found, seen, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheTags tags && tags.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        return String.join(" ", keys);
    }
}
