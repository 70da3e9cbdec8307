package io.kopij.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only observer of {@link AssetChanged}: what fired inside the writing transaction, and what committed. */
@ApplicationScoped
public class AssetChangeRecorder {

    /** An event as an in-transaction observer (the outbox) sees it. */
    public record Seen(AssetChanged change, boolean inTransaction) {
    }

    private final List<Seen> fired = new CopyOnWriteArrayList<>();
    private final List<AssetChanged> committed = new CopyOnWriteArrayList<>();

    void inTransaction(@Observes AssetChanged change) {
        fired.add(new Seen(change, QuarkusTransaction.isActive()));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssetChanged change) {
        committed.add(change);
    }

    public List<Seen> fired(UUID assetId) {
        return fired.stream().filter(seen -> seen.change().assetId().equals(assetId)).toList();
    }

    public List<AssetChanged> committed(UUID assetId) {
        return committed.stream().filter(change -> change.assetId().equals(assetId)).toList();
    }
}
