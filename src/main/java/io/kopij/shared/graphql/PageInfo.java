package io.kopij.shared.graphql;

import io.kopij.shared.paging.CursorPage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * Relay page info. The cursors are the same opaque cursors the REST lists use. Pages go forward only
 * ({@code first}/{@code after}); {@code hasPreviousPage} says whether the page was asked for after a cursor, which
 * the Relay specification allows for forward pagination.
 */
@Type("PageInfo")
public record PageInfo(
        @NonNull boolean hasNextPage,
        @Description("Pass as `after` for the next page") String endCursor,
        @NonNull @Description("True when this page was asked for with `after` (items come before it)")
        boolean hasPreviousPage,
        @Description("The cursor of the first item on this page") String startCursor) {

    /** The page info of a page; {@code after} is the cursor the page was asked for with (null for the first). */
    public static PageInfo of(CursorPage<?> page, String after) {
        String start = page.edges().isEmpty() ? null : page.edges().get(0).cursor();
        return new PageInfo(page.hasNext(), page.endCursor(), after != null, start);
    }
}
