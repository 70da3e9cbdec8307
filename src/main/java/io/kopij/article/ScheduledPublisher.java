package io.kopij.article;

import io.kopij.shared.persistence.AuditedEntity;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Publishes scheduled articles when their time comes, exactly once even with several instances on one database.
 * The database arbitrates, not memory: each run locks the due rows it takes with {@code FOR UPDATE SKIP LOCKED},
 * so a concurrent run (another thread or instance) skips them instead of publishing them again, and the status
 * is re-checked under the lock, so an article unpublished or rescheduled meanwhile is left alone.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);
    static final int BATCH = 100;

    private final EntityManager em;
    private final ArticleWorkflow workflow;
    private final AtomicInteger runsInProgress = new AtomicInteger();

    ScheduledPublisher(EntityManager em, ArticleWorkflow workflow) {
        this.em = em;
        this.workflow = workflow;
    }

    @Scheduled(every = "${kopij.scheduler.interval}", identity = "kopij-scheduled-publisher",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        runsInProgress.incrementAndGet();
        try {
            int published = publishDue();
            if (published > 0) {
                LOG.infof("Published %d scheduled article(s)", published);
            }
        } finally {
            runsInProgress.decrementAndGet();
        }
    }

    /** Whether a scheduled run is publishing right now (measurements wait for it to end). */
    public boolean isRunning() {
        return runsInProgress.get() > 0;
    }

    /** Publishes up to one batch of due articles in one transaction; returns how many this call published. */
    @Transactional
    @ActivateRequestContext
    public int publishDue() {
        Instant now = AuditedEntity.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from article
                        where status = 'scheduled' and scheduled_at <= :now
                        order by scheduled_at, id
                        limit :batch
                        for update skip locked""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", BATCH)
                .getResultList();
        for (UUID id : due) {
            workflow.publishDue(id, now);
        }
        return due.size();
    }
}
