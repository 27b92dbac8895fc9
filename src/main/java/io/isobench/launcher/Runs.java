package io.isobench.launcher;

import io.isobench.suite.ResultLayout;

import java.nio.file.Path;

/** Running one environment of a run, with the same messages for all of them. */
public final class Runs {

    private Runs() {
    }

    public static int runOne(Environment environment, RunSpec spec) throws LauncherException, InterruptedException {
        Path envDir = spec.runDir().resolve(environment.name());
        Progress.say(environment.name() + ": results go to " + envDir);
        removeStaleResults(envDir);
        int rc;
        try {
            rc = environment.run(spec, envDir);
        } catch (RuntimeException e) {
            throw new LauncherException(environment.name() + " failed: " + e, e);
        }
        Progress.say(environment.name() + ": " + (rc == 0 ? "finished" : "finished with failures (exit " + rc + ")")
                + "; results in " + envDir);
        return rc;
    }

    /** An environment directory holds one run's results only: files of an earlier run into it are removed first. */
    private static void removeStaleResults(Path envDir) throws LauncherException {
        try {
            for (String file : java.util.List.of(ResultLayout.JMH_JSON, ResultLayout.ENVIRONMENT_JSON, ResultLayout.JMH_LOG,
                    ResultLayout.FOOTPRINT_JSON, ResultLayout.CONSOLE_LOG)) {
                java.nio.file.Files.deleteIfExists(envDir.resolve(file));
            }
        } catch (java.io.IOException e) {
            throw new LauncherException("cannot clear " + envDir + ": " + e.getMessage(), e);
        }
    }
}
