package io.kopij.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * URL slugs: lower case ASCII letters and digits separated by single dashes, at most {@value #MAX_LENGTH}
 * characters. Diacritics are folded ("Één café" → "een-cafe"); letters without a decomposition get a spelling.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 96;
    public static final Pattern FORMAT = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug for a title or name; "untitled" when nothing usable remains. */
    public static String fromText(String text) {
        String folded = fold(text == null ? "" : text);
        String slug = NOT_SLUG.matcher(folded).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimDashes(cutAtWord(slug, MAX_LENGTH));
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && FORMAT.matcher(slug).matches();
    }

    /** {@code base}, or {@code base-2}, {@code base-3} ... : the first that {@code taken} says is free. */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? trimDashes(base.substring(0, MAX_LENGTH - suffix.length()))
                    : base;
            String candidate = stem + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    private static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
                .replace("ł", "l").replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }

    private static String cutAtWord(String slug, int max) {
        String cut = slug.substring(0, max);
        int lastDash = cut.lastIndexOf('-');
        // Prefer ending on a whole word unless that would throw away most of the slug.
        return lastDash > max / 2 ? cut.substring(0, lastDash) : cut;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
