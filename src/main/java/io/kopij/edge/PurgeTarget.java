package io.kopij.edge;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Function;

/**
 * One place to purge: a Varnish, the Fastly service, the Cloudflare zone or an HTTP endpoint. {@code name} is what
 * purge jobs store ({@code varnish http://varnish/}); {@code request} turns a set of keys into the HTTP request that
 * purges them; a 2xx answer is success.
 */
record PurgeTarget(String name, int maxKeys, Function<List<String>, HttpRequest.Builder> request) {

    static PurgeTarget varnish(String url, int maxKeys) {
        URI uri = URI.create(url.endsWith("/") ? url : url + "/");
        return new PurgeTarget("varnish " + uri, maxKeys, keys -> HttpRequest.newBuilder(uri)
                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header("xkey", String.join(" ", keys)));
    }

    static PurgeTarget http(String url, String authorization, int maxKeys) {
        URI uri = URI.create(url);
        return new PurgeTarget("http " + uri, maxKeys, keys -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"keys\":" + jsonArray(keys) + "}"));
            return authorization == null ? builder : builder.header("Authorization", authorization);
        });
    }

    static PurgeTarget fastly(String apiUrl, String serviceId, String token, boolean soft, int maxKeys) {
        URI uri = URI.create(trimSlash(apiUrl) + "/service/" + serviceId + "/purge");
        return new PurgeTarget("fastly " + serviceId, maxKeys, keys -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .header("Fastly-Key", token)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"surrogate_keys\":" + jsonArray(keys) + "}"));
            return soft ? builder.header("Fastly-Soft-Purge", "1") : builder;
        });
    }

    static PurgeTarget cloudflare(String apiUrl, String zoneId, String token, int maxKeys) {
        URI uri = URI.create(trimSlash(apiUrl) + "/zones/" + zoneId + "/purge_cache");
        return new PurgeTarget("cloudflare " + zoneId, maxKeys, keys -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tags\":" + jsonArray(keys) + "}")));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Keys are ours ({@code article:<uuid>}, {@code articles}): letters, digits, '-' and ':' only. */
    private static String jsonArray(List<String> keys) {
        StringBuilder json = new StringBuilder("[");
        for (String key : keys) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return json.append(']').toString();
    }
}
