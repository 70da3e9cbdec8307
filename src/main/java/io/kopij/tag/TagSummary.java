package io.kopij.tag;

import io.kopij.shared.cache.CacheKey;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@CacheKey("tag")
@Schema(name = "TagSummary")
@Type("RevisionTag")
@Description("A tag as a revision recorded it (name and slug at that time)")
public record TagSummary(
        @Id @NonNull UUID id,
        @Schema(example = "opensource") @NonNull String slug,
        @Schema(example = "Open source") @NonNull String name) {

    public static TagSummary of(Tag tag) {
        return new TagSummary(tag.id(), tag.slug(), tag.name());
    }
}
