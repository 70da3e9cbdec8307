package io.kopij.shared.graphql;

import io.kopij.shared.error.InvalidInputException;
import java.util.UUID;

/** GraphQL IDs are strings on the wire; Kopij's are UUIDs. */
public final class GraphQLIds {

    private GraphQLIds() {
    }

    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("id", "must be an id this API issued (a UUID)");
        }
    }
}
