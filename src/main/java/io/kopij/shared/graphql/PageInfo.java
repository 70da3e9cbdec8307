package io.kopij.shared.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Relay page info. The cursors are the same opaque cursors the REST lists use. */
@Type("PageInfo")
public record PageInfo(@NonNull boolean hasNextPage, @Description("Pass as `after` for the next page") String endCursor) {
}
