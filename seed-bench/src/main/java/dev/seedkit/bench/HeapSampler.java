package dev.seedkit.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the JVM's used heap every 10 ms on a background thread, after a {@code System.gc()}, and keeps the peak:
 * how much memory a measured piece of work needed at most, garbage not yet collected included. Also counts the bytes
 * the starting thread allocated meanwhile, which shows whether the work streams (little) or buffers (a lot).
 * {@link #startCollecting()} samples the live heap instead: a {@code System.gc()} before every sample, which slows
 * the work down, so it is for untimed runs.
 */
final class HeapSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 10;
    private static final long COLLECTING_INTERVAL_MILLIS = 200;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long workerThread = Thread.currentThread().getId();
    private final long allocatedAtStart = allocatedByWorker();
    private final long baseline;
    private final boolean collecting;
    private final Thread thread;
    private volatile long peak;
    private volatile boolean running = true;

    private HeapSampler(boolean collecting) {
        this.collecting = collecting;
        System.gc();
        baseline = used();
        peak = baseline;
        thread = new Thread(this::sample, "seed-bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Collects garbage, notes the baseline and starts sampling. */
    static HeapSampler start() {
        return new HeapSampler(false);
    }

    /** Collects garbage, notes the baseline and samples the live heap (collected first) every 200 ms. */
    static HeapSampler startCollecting() {
        return new HeapSampler(true);
    }

    /** Used heap right after the initial {@code System.gc()}, in bytes. */
    long baselineBytes() {
        return baseline;
    }

    /** Bytes allocated by the thread that started the sampler since then, or -1 if the JVM cannot tell. */
    long allocatedBytes() {
        return allocatedAtStart < 0 ? -1 : allocatedByWorker() - allocatedAtStart;
    }

    /** The largest used heap seen since the start, in bytes. */
    long peakBytes() {
        return collecting ? peak : Math.max(peak, used());
    }

    private void sample() {
        while (running) {
            if (collecting) {
                System.gc();
            }
            peak = Math.max(peak, used());
            try {
                Thread.sleep(collecting ? COLLECTING_INTERVAL_MILLIS : INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long allocatedByWorker() {
        if (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean counting
                && counting.isThreadAllocatedMemorySupported()) {
            return counting.getThreadAllocatedBytes(workerThread);
        }
        return -1;
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        peak = peakBytes();
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
