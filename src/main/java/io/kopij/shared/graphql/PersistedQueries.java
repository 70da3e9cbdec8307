package io.kopij.shared.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Apollo automatic persisted queries and trusted documents, in front of execution: a request with
 * {@code extensions.persistedQuery {version: 1, sha256Hash}} and no query runs the stored document of that hash, or
 * answers {@code PERSISTED_QUERY_NOT_FOUND} (HTTP 200, as Apollo Client expects before it retries with the text);
 * with the query, the hash is checked against the text and the document stored. In trusted-documents mode only
 * registered documents run, whether sent as a hash or as text; nothing is stored from requests.
 */
final class PersistedQueries {

    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

    /** No document with this hash (or none trusted, in trusted-documents mode). */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("PersistedQueryNotFound", null, false, false);
        }
    }

    private PersistedQueries() {
    }

    /** Whether the request needs the store (a blocking call): a persisted query, or any query in trusted mode. */
    static boolean involved(GraphQLHttpRequest request, PersistedDocuments documents) {
        return documents != null && (request.extensions().containsKey("persistedQuery") || documents.trustedOnly());
    }

    /** The request with the query it runs; may block. */
    static GraphQLHttpRequest resolve(GraphQLHttpRequest request, PersistedDocuments documents) {
        Object extension = request.extensions().get("persistedQuery");
        if (extension == null) {
            // Trusted-documents mode, query sent as text: it runs only when it is a registered document.
            if (request.query() == null || documents.find(sha256(request.query()), true).isEmpty()) {
                throw untrusted();
            }
            return request;
        }
        if (!documents.enabled() && !documents.trustedOnly()) {
            throw new GraphQLHttpRequest.Refused(400, "graphql.persisted-query-not-supported",
                    "Persisted queries are not enabled on this server");
        }
        if (!(extension instanceof Map<?, ?> persisted) || !Integer.valueOf(1).equals(number(persisted.get("version")))) {
            throw new GraphQLHttpRequest.Refused(400, "graphql.request", "extensions.persistedQuery.version must be 1");
        }
        Object hashValue = persisted.get("sha256Hash");
        if (!(hashValue instanceof String hash) || !hash.matches("[0-9a-fA-F]{64}")) {
            throw new GraphQLHttpRequest.Refused(400, "graphql.request",
                    "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits");
        }
        String sha256 = hash.toLowerCase(Locale.ROOT);
        if (request.query() == null) {
            Optional<String> stored = documents.find(sha256, documents.trustedOnly());
            return request.withQuery(stored.orElseThrow(NotFound::new));
        }
        if (!sha256(request.query()).equals(sha256)) {
            throw new GraphQLHttpRequest.Refused(400, "graphql.persisted-query-hash-mismatch",
                    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query");
        }
        if (documents.trustedOnly()) {
            if (documents.find(sha256, true).isEmpty()) {
                throw untrusted();
            }
        } else {
            documents.remember(sha256, request.query());
        }
        return request;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GraphQLHttpRequest.Refused untrusted() {
        return new GraphQLHttpRequest.Refused(400, "graphql.document-not-trusted",
                "This server runs only registered documents (trusted-documents mode)");
    }

    private static Integer number(Object value) {
        return value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null;
    }
}
