package io.kopij.delivery;

import java.util.List;
import java.util.Map;

/**
 * A public answer as it was sent: the body bytes, the watermark ETag and the headers that describe the content
 * (Content-Type, Cache-Control, Vary, Last-Modified, cache tags...), never per-request ones (request id, Date).
 */
public record Rendered(byte[] body, String etag, List<Map.Entry<String, String>> headers) {

    /** Approximate bytes held, for the cache's bound. */
    int weight() {
        int weight = 64 + body.length + etag.length() * 2;
        for (Map.Entry<String, String> header : headers) {
            weight += 48 + (header.getKey().length() + header.getValue().length()) * 2;
        }
        return weight;
    }
}
