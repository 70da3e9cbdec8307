package io.kopij.article.revision;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields that differ between two revisions, each with its value in both (as JSON text). */
@Schema(name = "RevisionDiff")
@Type("RevisionDiff")
public record RevisionDiff(int from, int to, @NonNull List<@NonNull FieldChange> changes) {

    @Schema(name = "FieldChange")
    @Type("FieldChange")
    public record FieldChange(@NonNull String field,
            @Schema(nullable = true, description = "JSON value in the older revision") String before,
            @Schema(nullable = true, description = "JSON value in the newer revision") String after) {
    }
}
