package io.kopij.shared.text;

import java.util.Optional;

/**
 * Text Kopij can store and serve faithfully. PostgreSQL refuses NUL characters, and a lone UTF-16 surrogate has no
 * UTF-8 form (it would come back as "?"), so both are refused where text enters: JSON bodies, query and path
 * parameters, GraphQL requests.
 */
public final class SafeText {

    private SafeText() {
    }

    /** Why {@code text} cannot be accepted, or empty when it can. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain unpaired UTF-16 surrogates");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain unpaired UTF-16 surrogates");
            }
        }
        return Optional.empty();
    }
}
