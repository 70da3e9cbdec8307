package io.kopij.media;

import java.util.List;
import java.util.UUID;

/**
 * A write to an asset, fired by {@link AssetService#recordChange} inside the writing transaction. This is where the
 * change-propagation feature records {@code asset.created|updated|deleted} in its outbox (an observer of this event
 * in the same transaction); the media feature itself listens after commit to clean up storage.
 */
public record AssetChanged(Type type, UUID id, long version, String mimeType, String sha256, List<String> changed) {

    public enum Type {
        CREATED, UPDATED, DELETED;

        /** The event type name of DESIGN.md's change propagation: {@code asset.created} and so on. */
        public String eventType() {
            return "asset." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
