package io.kopij.shared.text;

import java.util.regex.Pattern;

/** BCP 47 language tags as Kopij stores and filters them ("nl", "en-GB"). */
public final class LanguageTags {

    /** The pattern, also for Bean Validation and the OpenAPI contract. */
    public static final String PATTERN = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";
    public static final int MAX_LENGTH = 35;

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    private LanguageTags() {
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }
}
