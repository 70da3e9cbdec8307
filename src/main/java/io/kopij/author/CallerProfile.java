package io.kopij.author;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's author profile id, looked up once per request: ownership is checked several times while one
 * request is handled (the article, its related links, the authors it lists), each time the same answer.
 */
@RequestScoped
class CallerProfile {

    private Optional<UUID> id;

    Optional<UUID> id() {
        return id;
    }

    boolean known() {
        return id != null;
    }

    void remember(Optional<UUID> profileId) {
        this.id = profileId;
    }
}
