package io.kopij.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test-only user of assets, standing in for articles until they reference assets: counts set by the test. */
@ApplicationScoped
public class TestAssetUsage implements AssetUsage {

    private static final Map<UUID, Long> USES = new ConcurrentHashMap<>();

    static void set(UUID id, long uses) {
        USES.put(id, uses);
    }

    @Override
    public long usesOf(UUID assetId) {
        return USES.getOrDefault(assetId, 0L);
    }
}
