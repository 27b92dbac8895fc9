package io.isobench.app;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed team of threads that run one job together, each on its own slice of an index range, as an OpenMP
 * {@code parallel for} does in STREAM: the caller takes the first slice, the helpers (started once) the others, and
 * {@link #run} returns when every slice is done. Slices are contiguous and start on a multiple of {@value #ALIGN}
 * indexes (a 64-byte cache line of doubles or longs), so no two threads write the same line.
 */
final class Team implements AutoCloseable {

    /** What one thread does with its slice {@code [from, to)}. */
    @FunctionalInterface
    interface Slice {
        void run(long from, long to);
    }

    /** Slice starts are multiples of this many indexes. */
    static final int ALIGN = 8;

    private final int size;
    private final Thread[] helpers;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Slice job;
    private volatile long count;
    private volatile boolean closed;

    /** A team of {@code size} threads: the caller and {@code size - 1} helpers. */
    Team(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a team has at least one thread, not " + size);
        }
        this.size = size;
        this.start = new CyclicBarrier(size);
        this.done = new CyclicBarrier(size);
        this.helpers = new Thread[size - 1];
        for (int i = 1; i < size; i++) {
            int index = i;
            helpers[i - 1] = new Thread(() -> help(index), "isobench-team-" + i);
            helpers[i - 1].setDaemon(true);
            helpers[i - 1].start();
        }
    }

    int size() {
        return size;
    }

    /** Runs {@code slice} over {@code [0, count)} on all threads; a slice's failure is thrown here. */
    void run(long count, Slice slice) {
        if (closed) {
            throw new IllegalStateException("the team is closed");
        }
        this.job = slice;
        this.count = count;
        failure.set(null);
        await(start);
        try {
            slice.run(from(0, size, count), from(1, size, count));
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        await(done);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    /** Where slice {@code index} of {@code size} starts in {@code [0, count)} (index {@code size}: count). */
    static long from(int index, int size, long count) {
        if (index >= size) {
            return count;
        }
        long even = count / size * index;
        return Math.min(count, even / ALIGN * ALIGN);
    }

    private void help(int index) {
        while (true) {
            await(start);
            if (closed) {
                return;
            }
            try {
                job.run(from(index, size, count), from(index + 1, size, count));
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            await(done);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the team worked", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a thread of the team left it", e);
        }
    }

    /** Ends the helpers and waits for them. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        await(start);
        for (Thread helper : helpers) {
            try {
                helper.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
