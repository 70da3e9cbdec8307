package io.kopij.media;

import io.kopij.shared.error.ResourceNotFoundException;
import java.util.UUID;

public class AssetNotFoundException extends ResourceNotFoundException {

    public AssetNotFoundException(UUID id) {
        super("asset.not-found", "No asset " + id);
    }
}
