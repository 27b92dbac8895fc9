package io.isobench.launcher;

import io.isobench.suite.ResultLayout;

import java.nio.file.Path;

/**
 * Copies the suite's result files out of a container or VM into the environment directory, once: at the end of the
 * run, or earlier from the cleanup when the run is interrupted, so that what was measured survives Ctrl-C.
 */
public final class ResultCopy implements Cleanup.Action {

    /** Fetches one file of the suite's output to a path on the host. */
    public interface Fetch {
        void fetch(String file, Path target) throws Exception;
    }

    private final Fetch fetch;
    private final Path envDir;
    private boolean done;

    public ResultCopy(Fetch fetch, Path envDir) {
        this.fetch = fetch;
        this.envDir = envDir;
    }

    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        for (String file : ResultLayout.SUITE_FILES) {
            try {
                fetch.fetch(file, envDir.resolve(file));
            } catch (Exception e) {
                Progress.warn("no " + file + " to copy back (" + e.getMessage() + ")");
            }
        }
    }
}
