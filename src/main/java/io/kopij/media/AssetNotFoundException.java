package io.kopij.media;

import io.kopij.shared.error.KopijException;
import java.util.UUID;

public class AssetNotFoundException extends KopijException {

    public AssetNotFoundException(UUID id) {
        super(404, "asset.not-found", "Not found", "No asset " + id);
    }
}
