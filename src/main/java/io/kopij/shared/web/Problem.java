package io.kopij.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kopij.shared.error.FieldError;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details. {@code type} is a stable URI per {@code code}; {@code errors} lists invalid fields.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(example = "https://kopij.io/problems/article.not-found") URI type,
        @Schema(example = "Not found") String title,
        @Schema(example = "404") int status,
        @Schema(example = "No article with id 0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11") String detail,
        @Schema(example = "/api/v1/articles/0b6f3f9e-2f4e-4a7a-9d0e-6c1f0f7f5a11") String instance,
        @Schema(example = "article.not-found") String code,
        @Schema(description = "Set on 5xx: quote it when reporting the problem") String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kopij.io/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, instance, code, null, errors);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, instance, code, id, errors);
    }
}
