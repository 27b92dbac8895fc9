package io.isobench.launcher;

import io.isobench.suite.ResultLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    private final Path streamedLog;
    private boolean done;

    public ResultCopy(Fetch fetch, Path envDir) {
        this.fetch = fetch;
        this.envDir = envDir;
        this.streamedLog = envDir.resolve(ResultLayout.JMH_LOG + ".streamed");
    }

    /**
     * The suite's console output as the launcher received it, written to a side file while the suite runs: it becomes
     * jmh.log when the suite's own copy cannot be fetched (an engine that died mid-run), and is removed otherwise.
     */
    public Path streamedLog() {
        return streamedLog;
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
                if (file.equals(ResultLayout.JMH_LOG) && keepStreamedLog()) {
                    Progress.warn("no " + file + " to copy back (" + e.getMessage() + "); kept the suite's output as it "
                            + "was streamed instead: " + ResultLayout.jmhLog(envDir));
                } else {
                    Progress.warn("no " + file + " to copy back (" + e.getMessage() + ")");
                }
            }
        }
        try {
            Files.deleteIfExists(streamedLog);
        } catch (IOException e) {
            Progress.warn("cannot remove " + streamedLog + ": " + e.getMessage());
        }
    }

    private boolean keepStreamedLog() {
        if (!Files.isRegularFile(streamedLog)) {
            return false;
        }
        try {
            Files.move(streamedLog, ResultLayout.jmhLog(envDir), StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
