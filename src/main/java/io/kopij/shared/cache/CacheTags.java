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
import java.util.UUID;

/**
 * What an answer contains, as cache keys ({@code articles article:<id> author:<id> tag:<id>}): the one value every
 * cacheable answer carries, computed once from what the answer shows. CDNs index answers by these keys and the
 * purgers drop them by key when the outbox says an entity changed. A render cache can store it with the bytes.
 */
public final class CacheTags {

    public static final CacheTags NONE = new CacheTags(Set.of());

    /**
     * How to walk a class, worked out once per class: an answer of 20 articles is a few hundred objects, and asking
     * each for its annotation and invoking every accessor (also those of strings and dates) was a twentieth of the
     * CPU of a list request.
     */
    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return Plan.of(type);
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
        if (value == null || depth > 8 || isLeaf(value.getClass())) {
            return;
        }
        if (value instanceof CacheTags tags) {
            found.addAll(tags.keys);
            return;
        }
        if (!seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                walk(item, found, seen, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                walk(item, found, seen, depth + 1);
            }
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                walk(item, found, seen, depth + 1);
            }
        } else {
            Plan plan = PLANS.get(value.getClass());
            if (plan.family != null) {
                Object id = plan.id == null ? null : invoke(plan.id, value);
                if (id != null) {
                    found.add(plan.family + ":" + id);
                }
                Collections.addAll(found, plan.dependsOn);
            }
            for (Method accessor : plan.walked) {
                walk(invoke(accessor, value), found, seen, depth + 1);
            }
        }
    }

    /** Values that hold no keys: text, numbers, dates, ids, flags. */
    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive() || type == String.class || type == UUID.class || type == Boolean.class
                || CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
                || Temporal.class.isAssignableFrom(type) || type.isEnum() || type == Character.class;
    }

    private static Object invoke(Method accessor, Object value) {
        try {
            return accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One class: its {@link CacheKey} family, id accessor and further keys (family null when it is not annotated),
     * and, for a record, the accessors of the components that can hold keys (not those declared as leaves).
     */
    private record Plan(String family, Method id, String[] dependsOn, List<Method> walked) {

        static Plan of(Class<?> type) {
            CacheKey key = type.getAnnotation(CacheKey.class);
            Method id = null;
            List<Method> walked = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    if (component.getName().equals("id")) {
                        id = accessor;
                    }
                    if (!isLeaf(component.getType())) {
                        walked.add(accessor);
                    }
                }
            }
            return new Plan(key == null ? null : key.value(), id, key == null ? new String[0] : key.dependsOn(),
                    List.copyOf(walked));
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
