package io.kopij.author;

import io.kopij.shared.graphql.PageInfo;
import io.kopij.shared.paging.CursorPage;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuthorConnection")
public record AuthorConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo, long totalCount) {

    @Type("AuthorEdge")
    public record Edge(@NonNull String cursor, @NonNull AuthorView node) {
    }

    public static AuthorConnection of(CursorPage<AuthorView> page, String after) {
        return new AuthorConnection(page.edges().stream().map(e -> new Edge(e.cursor(), e.node())).toList(),
                PageInfo.of(page, after), page.total());
    }
}
