package io.kopij.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * Serializes transactions that claim the same name (a slug, a tag name, an author profile for one subject), so that
 * "is it free? then take it" cannot race: the second claimant waits until the first commits, then sees the name
 * taken and picks the next one, instead of failing on the unique constraint. PostgreSQL transaction-level advisory
 * locks: held until commit or rollback, on every instance sharing the database.
 */
@ApplicationScoped
public class NameLocks {

    private final EntityManager em;

    NameLocks(EntityManager em) {
        this.em = em;
    }

    /** Waits for, then holds until the transaction ends, the lock on {@code name} within {@code namespace}. */
    public void lock(String namespace, String name) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", namespace + ":" + name)
                // touches no table: pending changes need not be flushed first (that would bump versions mid-write)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    }
}
