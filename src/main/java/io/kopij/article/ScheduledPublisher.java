package io.kopij.article;

import io.kopij.shared.persistence.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Publishes scheduled articles when their time comes, exactly once even with several instances on one database.
 * The database arbitrates, not memory: each article is taken with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction, so a concurrent run (another thread or instance) skips it instead of publishing it again, the
 * status is re-checked under the lock (an article unpublished or rescheduled meanwhile is left alone), and one
 * article that cannot be published does not hold back the others. "Due" is decided by the database's clock, the
 * one every instance shares.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);
    /** Most articles one run publishes; the next run continues. */
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

    /** Publishes due articles, each in its own transaction; returns how many this call published. */
    @ActivateRequestContext
    public int publishDue() {
        List<UUID> failed = new ArrayList<>();
        int published = 0;
        while (published + failed.size() < BATCH) {
            UUID[] attempt = new UUID[1];
            Optional<UUID> next;
            try {
                next = QuarkusTransaction.requiringNew().call(() -> publishNext(failed, attempt));
            } catch (RuntimeException e) {
                if (attempt[0] == null) {
                    throw e; // not about one article: the next run tries again
                }
                LOG.errorf(e, "Could not publish scheduled article %s; the others go ahead", attempt[0]);
                failed.add(attempt[0]);
                continue;
            }
            if (next.isEmpty()) {
                break;
            }
            published++;
        }
        return published;
    }

    /**
     * Takes the next due article nobody else holds (and that did not fail in this run) and publishes it; empty when
     * none is due. {@code attempt} tells the caller which article a failure was about.
     */
    private Optional<UUID> publishNext(List<UUID> skip, UUID[] attempt) {
        Query query = em.createNativeQuery("select id, now() from article "
                + "where status = 'scheduled' and scheduled_at <= now()" + (skip.isEmpty() ? "" : " and id not in (:skip)")
                + " order by scheduled_at, id limit 1 for update skip locked");
        if (!skip.isEmpty()) {
            query.setParameter("skip", skip);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> due = query.getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) due.get(0)[0];
        attempt[0] = id;
        workflow.publishDue(id, SqlValues.instant(due.get(0)[1]));
        return Optional.of(id);
    }
}
