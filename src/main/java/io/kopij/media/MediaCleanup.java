package io.kopij.media;

import io.kopij.media.storage.MediaStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Removes a deleted asset's files once the deletion has committed (never before: a rolled-back delete must keep
 * them). A failure (the object store unreachable) is logged, not raised: the asset row is gone either way and
 * renditions not yet made answer 404, but renditions already stored stay servable until their files are removed
 * (there is no sweeper yet; see README "Media").
 */
@ApplicationScoped
public class MediaCleanup {

    private static final Logger LOG = Logger.getLogger(MediaCleanup.class);

    private final MediaStorage storage;
    private final AssetRepository assets;

    MediaCleanup(MediaStorage storage, AssetRepository assets) {
        this.storage = storage;
        this.assets = assets;
    }

    void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssetChanged change) {
        if (change.kind() != AssetChanged.Kind.DELETED) {
            return;
        }
        try {
            storage.deleteAll(AssetService.servedPrefix(change.assetId()));
            // The upload is shared by content: keep it if the same bytes were uploaded again meanwhile.
            boolean reuploaded = QuarkusTransaction.requiringNew()
                    .call(() -> assets.findBySha256(change.sha256()).isPresent());
            if (!reuploaded) {
                storage.delete(AssetService.originalKey(change.sha256()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Could not remove the files of deleted asset %s", change.assetId());
        }
    }
}
