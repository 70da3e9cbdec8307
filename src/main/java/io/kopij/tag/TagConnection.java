package io.kopij.tag;

import io.kopij.shared.graphql.PageInfo;
import io.kopij.shared.paging.CursorPage;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TagConnection")
public record TagConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo, long totalCount) {

    @Type("TagEdge")
    public record Edge(@NonNull String cursor, @NonNull TagView node) {
    }

    public static TagConnection of(CursorPage<TagView> page, String after) {
        return new TagConnection(page.edges().stream().map(e -> new Edge(e.cursor(), e.node())).toList(),
                PageInfo.of(page, after), page.total());
    }
}
