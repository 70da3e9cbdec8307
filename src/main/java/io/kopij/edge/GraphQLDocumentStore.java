package io.kopij.edge;

import io.kopij.event.outbox.Jdbc;
import io.kopij.shared.graphql.PersistedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraphQL documents by hash in PostgreSQL (graphql_document), shared by every instance. A hash names one text
 * forever, so what an instance has read it keeps in memory (bounded); whether a document is trusted is asked of the
 * database unless this instance has already seen it trusted (registration only ever adds trust).
 */
@ApplicationScoped
public class GraphQLDocumentStore implements PersistedDocuments {

    private static final int MEMORY = 2000;

    private final Jdbc jdbc;
    private final PersistedQueryConfig config;
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final Map<String, String> trusted = new ConcurrentHashMap<>();

    GraphQLDocumentStore(Jdbc jdbc, PersistedQueryConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    @Override
    public Optional<String> find(String sha256, boolean trustedOnly) {
        String hit = (trustedOnly ? trusted : known).get(sha256);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<String[]> row = jdbc.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select document, trusted from graphql_document where sha256 = ?")) {
                select.setString(1, sha256);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new String[] {rows.getString(1), Boolean.toString(rows.getBoolean(2))})
                            : Optional.<String[]>empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String document = row.get()[0];
        boolean isTrusted = Boolean.parseBoolean(row.get()[1]);
        keep(known, sha256, document);
        if (isTrusted) {
            keep(trusted, sha256, document);
        }
        return trustedOnly && !isTrusted ? Optional.empty() : Optional.of(document);
    }

    @Override
    public void remember(String sha256, String document) {
        if (known.containsKey(sha256)) {
            return;
        }
        jdbc.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into graphql_document (sha256, document)
                    select ?, ? where (select count(*) from graphql_document where not trusted) < ?
                    on conflict (sha256) do nothing""")) {
                insert.setString(1, sha256);
                insert.setString(2, document);
                insert.setInt(3, config.maxStored());
                return insert.executeUpdate();
            }
        });
        keep(known, sha256, document);
    }

    /** Registers documents as trusted (admins); answers how many were new or newly trusted. */
    int register(Map<String, String> documents) {
        int changed = jdbc.inTransaction(connection -> {
            int count = 0;
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into graphql_document (sha256, document, trusted) values (?, ?, true)
                    on conflict (sha256) do update set trusted = true where not graphql_document.trusted""")) {
                for (Map.Entry<String, String> entry : documents.entrySet()) {
                    upsert.setString(1, entry.getKey());
                    upsert.setString(2, entry.getValue());
                    count += upsert.executeUpdate();
                }
            }
            return count;
        });
        documents.forEach((hash, document) -> {
            keep(known, hash, document);
            keep(trusted, hash, document);
        });
        return changed;
    }

    @Override
    public boolean trustedOnly() {
        return config.trustedOnly();
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    private static void keep(Map<String, String> memory, String hash, String document) {
        if (memory.size() >= MEMORY) {
            memory.clear(); // crude, but a hash costs one query to read again
        }
        memory.put(hash, document);
    }
}
