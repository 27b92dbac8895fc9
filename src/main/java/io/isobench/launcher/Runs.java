package io.isobench.launcher;

import java.nio.file.Path;

/** Running one environment of a run, with the same messages for all of them. */
public final class Runs {

    private Runs() {
    }

    public static int runOne(Environment environment, RunSpec spec) throws LauncherException, InterruptedException {
        Path envDir = spec.runDir().resolve(environment.name());
        Progress.say(environment.name() + ": results go to " + envDir);
        int rc = environment.run(spec, envDir);
        Progress.say(environment.name() + ": " + (rc == 0 ? "finished" : "finished with failures (exit " + rc + ")")
                + "; results in " + envDir);
        return rc;
    }
}
