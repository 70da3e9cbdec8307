package io.kopij.shared.persistence;

import io.kopij.shared.error.PreconditionException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Flushes a write whose version check may fail: another writer that got there first makes it a 412 with the
 * resource's own code, the same code a stale If-Match gets, whichever of the two noticed the race.
 */
public final class VersionedWrites {

    private VersionedWrites() {
    }

    public static void flush(EntityManager em, String conflictCode, long versionRead) {
        try {
            em.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw PreconditionException.stale(conflictCode, versionRead + 1);
        }
    }
}
