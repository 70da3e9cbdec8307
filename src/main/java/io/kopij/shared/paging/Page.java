package io.kopij.shared.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A list answer: {@code {"data": [...], "page": {"limit": 20, "next": "...", "total": 1234}}}. */
public record Page<T>(List<T> data, PageInfo page) {

    @Schema(name = "PageInfo")
    public record PageInfo(
            @Schema(example = "20") int limit,
            @Schema(description = "Cursor for the next page; null on the last page", nullable = true) String next,
            @Schema(description = "Number of matching items", example = "1234") long total) {
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), page);
    }
}
