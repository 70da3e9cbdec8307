package io.kopij.media;

import java.util.UUID;

/**
 * How often something uses an asset. Features that reference assets (articles, later galleries) provide a bean of
 * this type; {@code DELETE /api/v1/assets/{id}} asks every one of them and refuses with 409 {@code asset.in-use}
 * while any count is above zero. The media feature thereby knows nothing of articles.
 */
public interface AssetUsage {

    /** Uses of the asset; called inside the deleting transaction, so a query here sees committed state. */
    long usesOf(UUID assetId);
}
