package io.isobench.launcher.core;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a run must undo (processes, containers, networks, overlays), undone in reverse order on close and
 * also from a shutdown hook, so Ctrl-C or a kill leaves nothing behind.
 */
public final class Cleanup implements AutoCloseable {

    /** One thing to undo, named for the message if undoing it fails. */
    public interface Action {
        void run() throws Exception;
    }

    private record Entry(String what, Action action) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Thread hook = new Thread(this::runAll, "isobench-cleanup");

    /** @throws IllegalStateException while the JVM shuts down: nothing new may start then, as nothing would undo it */
    public Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public synchronized void add(String what, Action action) {
        entries.push(new Entry(what, action));
    }

    private synchronized void runAll() {
        while (!entries.isEmpty()) {
            Entry entry = entries.pop();
            try {
                entry.action().run();
            } catch (Exception | LinkageError e) {
                // A LinkageError too (a class first loaded during shutdown can fail its initializer): one failed
                // action must not keep the others from running.
                System.err.println("isobench: could not remove " + entry.what() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
    }
}
