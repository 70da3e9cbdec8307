package io.kopij.edge;

import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Trusted GraphQL documents: admins register the manifest of a client build (hash to document). */
@ApplicationScoped
public class GraphQLDocumentService {

    private static final int MAX_DOCUMENTS = 5000;

    /** What a registration did. */
    @Schema(name = "GraphQLDocumentsRegistered")
    public record Registered(
            @Schema(description = "Documents in the manifest") int documents,
            @Schema(description = "Of them, how many were not trusted before") int added) {
    }

    private final GraphQLDocumentStore store;

    GraphQLDocumentService(GraphQLDocumentStore store) {
        this.store = store;
    }

    /** Registers every document of the manifest as trusted; each key must be the SHA-256 (hex) of its document. */
    @RolesAllowed(Roles.ADMIN)
    public Registered register(Map<String, String> manifest) {
        if (manifest == null || manifest.isEmpty()) {
            throw InvalidInputException.field("manifest", "must map at least one SHA-256 to its document");
        }
        if (manifest.size() > MAX_DOCUMENTS) {
            throw InvalidInputException.field("manifest", "holds at most " + MAX_DOCUMENTS + " documents");
        }
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw InvalidInputException.field(entry.getKey(), "must be a GraphQL document");
            }
            if (!entry.getKey().equals(sha256(entry.getValue()))) {
                throw InvalidInputException.field(entry.getKey(),
                        "is not the SHA-256 (lower-case hex) of its document");
            }
        }
        return new Registered(manifest.size(), store.register(Map.copyOf(manifest)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
