package io.kopij.article;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** draft → scheduled → published → archived, and back to draft by unpublish. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, ARCHIVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ArticleStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    /** Stored as the lower-case wire name, which the database's check constraint lists. */
    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<ArticleStatus, String> {

        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.wireName();
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value).orElseThrow(
                    () -> new IllegalStateException("Unknown article status in database: " + value));
        }
    }
}
