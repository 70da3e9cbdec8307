package io.kopij.support;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import java.util.function.Supplier;

/**
 * Statement counts read Hibernate's global statistics, which the scheduled publisher would disturb with its own
 * queries: measurements run with that job paused.
 */
public final class QuietScheduler {

    private static final String PUBLISHER = "kopij-scheduled-publisher";

    private QuietScheduler() {
    }

    public static <T> T withoutScheduledJobs(Supplier<T> measurement) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        scheduler.pause(PUBLISHER);
        try {
            Thread.sleep(1500); // let a run that already started finish
            return measurement.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            scheduler.resume(PUBLISHER);
        }
    }
}
