package dev.seedkit.junit;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of one {@link TemplateDatabase} made ahead of need, and copies dropped after use, both on a background
 * thread, so that neither {@code CREATE DATABASE ... TEMPLATE} nor {@code DROP DATABASE} lies on a test's path.
 * {@link #take()} hands out a ready copy, or makes one at once when none is ready (the first class of a run, or
 * classes that start faster than copies are made), and asks the thread for a replacement. Each copy is handed out
 * once: the queue gives it to one caller only, whatever the parallel execution.
 *
 * <p>The thread makes copies one after the other (they serialise on the template's lock anyway) and keeps
 * {@code size} of them ready; {@code size} 0 makes every copy on the caller's path and drops it there, as before the
 * pool existed. {@link #close()} at the end of the run waits for the thread, then drops the copies nobody took, so
 * a run leaves no database behind.
 */
final class ReadyClones implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadyClones.class);
    private static final long CLOSE_WAIT_SECONDS = 120;
    private static final long WAIT_STEP_MILLIS = 20;

    private final TemplateDatabase template;
    private final int size;
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger coming = new AtomicInteger();
    private final AtomicInteger madeAhead = new AtomicInteger();
    private final AtomicInteger madeOnPath = new AtomicInteger();
    private final ExecutorService worker;
    private volatile boolean closed;

    ReadyClones(TemplateDatabase template, int size) {
        this.template = template;
        this.size = size;
        this.worker = size == 0 ? null : Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "seedkit-clones-" + template.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A copy of the template nobody else has or will get; the caller {@link #drop drops} it after use. A copy on its
     * way is waited for rather than made twice. With {@code moreToCome} false (a copy shared for the whole run) no
     * replacement is made.
     */
    String take(boolean moreToCome) {
        String clone = readyOrComing();
        if (clone == null) {
            clone = template.newCloneName();
            template.cloneInto(clone);
            madeOnPath.incrementAndGet();
        }
        if (moreToCome) {
            refill();
        }
        return clone;
    }

    private String readyOrComing() {
        try {
            String clone = ready.poll();
            while (clone == null && coming.get() > 0) {
                clone = ready.poll(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
            }
            return clone;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a copy of template " + template.name(), e);
        }
    }

    /** Drops {@code clone}, on the background thread unless the pool is off or closed. */
    void drop(String clone) {
        if (worker == null || closed) {
            DatabaseAdmin.drop(template.server(), clone);
        } else {
            worker.execute(() -> DatabaseAdmin.drop(template.server(), clone));
        }
    }

    /** Asks the thread for copies until {@code size} are ready or on their way. */
    void refill() {
        while (worker != null && !closed && ready.size() + coming.get() < size) {
            coming.incrementAndGet();
            worker.execute(this::makeOne);
        }
    }

    private void makeOne() {
        try {
            if (closed) {
                return;
            }
            String clone = template.newCloneName();
            template.cloneInto(clone);
            ready.add(clone);
            madeAhead.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("Could not copy template {} ahead of need; the next class copies it itself: {}",
                    template.name(), e.getMessage());
        } finally {
            coming.decrementAndGet();
        }
    }

    /** How many copies were made ahead by the thread, and how many on a caller's path. */
    record Counts(int madeAhead, int madeOnPath) {
    }

    /** Copies ready to be taken now. */
    int readyCount() {
        return ready.size();
    }

    Counts counts() {
        return new Counts(madeAhead.get(), madeOnPath.get());
    }

    /** Waits for the thread's pending copies and drops, then drops every copy nobody took. */
    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Template {}'s copies were still being made or dropped after {} s", template.name(),
                            CLOSE_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String clone = ready.poll(); clone != null; clone = ready.poll()) {
            DatabaseAdmin.drop(template.server(), clone);
        }
        log.debug("Template {}: {} copies made ahead, {} on a test's path", template.name(), madeAhead.get(),
                madeOnPath.get());
    }
}
