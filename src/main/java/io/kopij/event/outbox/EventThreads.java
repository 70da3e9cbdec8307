package io.kopij.event.outbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The background threads of change propagation: a few workers for database work and one timer. */
@ApplicationScoped
public class EventThreads {

    private final ExecutorService workers = Executors.newFixedThreadPool(4, named("kopij-events"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("kopij-events-timer"));

    public ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        timer.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
