package io.kopij.shared.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A page of rows, each with the cursor that continues after it: what REST lists and GraphQL connections are both
 * made from, so that the same filter walks the same rows with the same cursors on both APIs.
 */
public record CursorPage<T>(List<Edge<T>> edges, boolean hasNext, long total) {

    /** A row, the cursor after it, and for full-text searches the highlighted snippet that matched. */
    public record Edge<T>(String cursor, T node, String highlight) {

        public Edge(String cursor, T node) {
            this(cursor, node, null);
        }
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(edges.stream()
                .map(e -> new Edge<>(e.cursor(), mapper.apply(e.node()), e.highlight())).toList(), hasNext, total);
    }

    public <R> CursorPage<R> mapEdges(Function<Edge<T>, R> mapper) {
        return new CursorPage<>(edges.stream()
                .map(e -> new Edge<>(e.cursor(), mapper.apply(e), e.highlight())).toList(), hasNext, total);
    }

    public String endCursor() {
        return edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    }

    /** The REST list shape: {@code next} is the last cursor when more rows follow. */
    public Page<T> toPage(int limit) {
        return new Page<>(edges.stream().map(Edge::node).toList(),
                new Page.PageInfo(limit, hasNext ? endCursor() : null, total));
    }
}
