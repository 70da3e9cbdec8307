package io.kopij.hardening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Values a careless or hostile client sends: broken text (NUL, lone surrogates, control and bidi characters, huge
 * strings), injection attempts, numbers at and past every limit, dates outside any calendar, JSON of the wrong
 * shape. Deterministic for a seed, so a failing run can be replayed.
 */
final class HostileValues {

    private static final List<String> TEXT = List.of(
            "", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00", "\ud83d", "\n\r\t", "\u202eevil", "\u200b",
            "x".repeat(300), "x".repeat(5000), "'; drop table article; --", "\" or 1=1 --", "' or ''='",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "../../../etc/passwd",
            "%00", "%zz", "%", "${jndi:ldap://x/a}", "{{7*7}}", "#{7*7}", "1e39", "-1", "0", "2147483648",
            "-9223372036854775809", "NaN", "Infinity", "true", "null", "[]", "{}", "+294277-01-01T00:00:00Z",
            "-4713-01-01", "2026-13-45", "2026-11-27T25:61:00Z", "9999-12-31T23:59:59.999999999Z", "\ud83d\udc4d\ud83c\udffd",
            "\uff41\uff42\uff43", " leading", "trailing ", "UPPER-CASE", "with space", "a,b,,c", ",", "a;b", "-", "--",
            "\u00e9\u00e9n-caf\u00e9", "\\", "\"", "'", "/", "?", "#", "&", "=", "*", "\u001f", "\u007f");

    private final Random random;

    HostileValues(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A hostile string (from the corpus or generated). */
    String text() {
        return switch (random.nextInt(5)) {
            case 0 -> randomText();
            case 1 -> TEXT.get(random.nextInt(TEXT.size())) + TEXT.get(random.nextInt(TEXT.size()));
            default -> TEXT.get(random.nextInt(TEXT.size()));
        };
    }

    /** A hostile value of any JSON type, as Jackson would write it. */
    Object json() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> new double[] {0, -1, 1.5, 1e308, -1e308, 9.2233720368547758E18}[random.nextInt(6)];
            case 4 -> List.of(text(), random.nextInt());
            case 5 -> Map.of(text(), text());
            case 6 -> nested(random.nextInt(60) + 1);
            case 7 -> List.of();
            case 8 -> UUID.randomUUID().toString();
            default -> text();
        };
    }

    /** A hostile value for a path segment or identifier. */
    String identifier() {
        return switch (random.nextInt(4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "00000000-0000-0000-0000-000000000000";
            case 2 -> "not-a-uuid";
            default -> text();
        };
    }

    /** A hostile number as a string: signs, overflow, fractions, words. */
    String integer() {
        String[] values = {"-1", "0", "1", "101", "10001", "2147483648", "99999999999999999999", "1.5", "1e3", "0x10",
                "", " ", "abc", "+5", "-0", "\u0661"};
        return random.nextInt(3) == 0 ? text() : values[random.nextInt(values.length)];
    }

    private Object nested(int depth) {
        Object value = text();
        for (int i = 0; i < depth; i++) {
            value = random.nextBoolean() ? List.of(value) : Map.of("a", value);
        }
        return value;
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0xD800 + random.nextInt(0x800); // surrogates, usually unpaired
                case 2 -> 0x10000 + random.nextInt(0x10000);
                case 3 -> 0x80 + random.nextInt(0x700);
                default -> 0x20 + random.nextInt(0x5F);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** {@code base} with one field replaced by a hostile value (or removed), for body fuzzing. */
    Map<String, Object> withHostileField(Map<String, Object> base, List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        List<String> candidates = new ArrayList<>(fields);
        candidates.add("unknownField" + random.nextInt(3));
        String field = candidates.get(random.nextInt(candidates.size()));
        if (random.nextInt(10) == 0) {
            body.remove(field);
        } else {
            body.put(field, json());
        }
        return body;
    }
}
