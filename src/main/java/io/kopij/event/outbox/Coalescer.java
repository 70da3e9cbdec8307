package io.kopij.event.outbox;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs a task on an executor when woken, at most one run at a time; wake-ups during a run cause exactly one more
 * run after it. A burst of notifications therefore costs one or two runs, and none is lost.
 */
public final class Coalescer {

    private static final Logger LOG = Logger.getLogger(Coalescer.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int AGAIN = 2;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Executor executor;
    private final Runnable task;
    private final String name;

    public Coalescer(String name, Executor executor, Runnable task) {
        this.name = name;
        this.executor = executor;
        this.task = task;
    }

    public void wake() {
        if (state.getAndUpdate(s -> s == IDLE ? RUNNING : AGAIN) == IDLE) {
            try {
                executor.execute(this::loop);
            } catch (RejectedExecutionException e) {
                state.set(IDLE); // shutting down
            }
        }
    }

    private void loop() {
        do {
            state.set(RUNNING);
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (will retry on the next wake-up): %s", name, e.toString());
                LOG.debug(name + " failure", e);
            }
        } while (!state.compareAndSet(RUNNING, IDLE));
    }
}
