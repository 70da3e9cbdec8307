package io.kopij.media;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A write to an asset: fired synchronously by {@link AssetService} inside the writing transaction, after the row
 * was flushed, for every upload that created an asset, every metadata change and every deletion. An observer that
 * must share the write's fate (the change-propagation outbox) observes it plainly; one that must only act on what
 * committed (storage clean-up) observes it {@code during = AFTER_SUCCESS}. A repeated upload of known bytes changes
 * nothing and fires nothing.
 *
 * @param assetId the asset
 * @param kind what happened to it
 * @param version the asset's version after the write (for a deletion: the version deleted)
 * @param mimeType the asset's format
 * @param sha256 the uploaded bytes' hash (the storage key of the original)
 * @param changed for {@link Kind#UPDATED}: the fields that changed (alt, caption, credit, focalPoint); else empty
 */
public record AssetChanged(UUID assetId, Kind kind, long version, String mimeType, String sha256,
        List<String> changed) {

    public enum Kind {
        CREATED, UPDATED, DELETED;

        /** The event type name of DESIGN.md's change propagation: {@code asset.created} and so on. */
        public String eventType() {
            return "asset." + name().toLowerCase(Locale.ROOT);
        }
    }
}
