package io.kopij.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.kopij.shared.text.SafeText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON bodies are read strictly: nothing after the document, no scalar coercion ({@code "title": 12345} is not a
 * title, {@code "featured": 1} is not a boolean), and no text PostgreSQL cannot store ({@link SafeText}). A client
 * that sends the wrong thing learns it from a 400 naming the field instead of finding its data changed.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("kopij-strict-text").addDeserializer(String.class, new StrictText()));
    }

    /** A JSON value that cannot become this field's text; {@code reason} says why, for the problem's errors. */
    public static final class TextRefusedException extends InvalidFormatException {

        private final String reason;

        TextRefusedException(JsonParser parser, String reason, Object value) {
            super(parser, reason, value, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Strings from JSON strings only, and only text that can be stored. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new TextRefusedException(parser, "must be a string", parser.getText());
            }
            String text = parser.getText();
            var problem = SafeText.problem(text);
            if (problem.isPresent()) {
                throw new TextRefusedException(parser, problem.get(), null);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
