package io.kopij.tag;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TagSummary")
public record TagSummary(UUID id, @Schema(example = "opensource") String slug, @Schema(example = "Open source") String name) {

    public static TagSummary of(Tag tag) {
        return new TagSummary(tag.id(), tag.slug(), tag.name());
    }
}
