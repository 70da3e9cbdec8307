package io.kopij.article.graphql;

import io.kopij.article.ArticleView;
import io.kopij.shared.graphql.PageInfo;
import io.kopij.shared.paging.CursorPage;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A Relay connection of articles; cursors are the REST list cursors. */
@Type("ArticleConnection")
public record ArticleConnection(@NonNull List<@NonNull ArticleEdge> edges, @NonNull PageInfo pageInfo,
        long totalCount) {

    public static ArticleConnection of(CursorPage<ArticleView> page, String after) {
        return new ArticleConnection(page.edges().stream().map(e -> new ArticleEdge(e.cursor(), e.node(), e.highlight())).toList(),
                PageInfo.of(page, after), page.total());
    }
}
