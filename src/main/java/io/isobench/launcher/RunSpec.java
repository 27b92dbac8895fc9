package io.isobench.launcher;

import io.isobench.suite.Profile;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run, the same for every environment of a run: profile, selection, raw JMH options, the jar and the
 * JVM runtime, and where the run directory is.
 */
public record RunSpec(Profile profile, List<String> includes, List<String> jmhOptions,
                      Path runDir, String runId, Path benchmarksJar, JvmRuntime runtime) {
}
