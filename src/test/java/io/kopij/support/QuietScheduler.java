package io.kopij.support;

import static org.awaitility.Awaitility.await;

import io.kopij.article.ScheduledPublisher;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Statement counts read Hibernate's global statistics, which the scheduled publisher would disturb with its own
 * queries: measurements run with that job paused and after a run that had already started has ended.
 */
public final class QuietScheduler {

    private static final String PUBLISHER = "kopij-scheduled-publisher";

    private QuietScheduler() {
    }

    public static <T> T withoutScheduledJobs(Supplier<T> measurement) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        ScheduledPublisher publisher = Arc.container().instance(ScheduledPublisher.class).get();
        scheduler.pause(PUBLISHER);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> !publisher.isRunning());
            return measurement.get();
        } finally {
            scheduler.resume(PUBLISHER);
        }
    }
}
