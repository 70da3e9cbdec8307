package io.kopij.delivery;

import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An anonymous GET reduced to what its answer depends on: the path, the query parameters sorted by name (values of
 * one name keep their order: it can matter) and the Accept header. Two requests with the same key get the same
 * answer at the same content watermark.
 */
public record PublicRequest(String key) {

    private static final Comparator<String> BY_NAME = Comparator.comparing(PublicRequest::name);

    public static PublicRequest of(HttpServerRequest request) {
        StringBuilder key = new StringBuilder(128).append(request.path());
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            List<String> parameters = new ArrayList<>(Arrays.asList(query.split("&")));
            parameters.removeIf(String::isEmpty);
            parameters.sort(BY_NAME); // stable: equal names keep their order
            key.append('?').append(String.join("&", parameters));
        }
        String accept = request.getHeader("Accept");
        if (accept != null) {
            key.append('\n').append(accept);
        }
        return new PublicRequest(key.toString());
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    /** A short stable hash of the key (FNV-1a, 64 bits), the same on every instance. */
    public String hash() {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return Long.toUnsignedString(hash, 36);
    }
}
