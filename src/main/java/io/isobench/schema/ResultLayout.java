package io.isobench.schema;

import java.nio.file.Path;

/**
 * Where results live, the same for every environment:
 * {@code RUN_DIR/<env>/jmh.json}, {@code environment.json}, {@code jmh.log}, {@code footprint.json}
 * and, for virtual machines, {@code console.log}. The comparison report goes to {@code RUN_DIR/report/}.
 */
public final class ResultLayout {

    public static final String JMH_JSON = "jmh.json";
    public static final String ENVIRONMENT_JSON = "environment.json";
    public static final String JMH_LOG = "jmh.log";
    public static final String FOOTPRINT_JSON = "footprint.json";
    public static final String CONSOLE_LOG = "console.log";
    public static final String REPORT_DIR = "report";
    /** What the suite runner writes, and what is copied back out of a container or VM. */
    public static final java.util.List<String> SUITE_FILES = java.util.List.of(JMH_JSON, ENVIRONMENT_JSON, JMH_LOG);
    /** In a run directory made by the main job: what happened to each environment (ran, skipped, failed) and why. */
    public static final String ENVIRONMENTS_JSON = "environments.json";
    /** In a run directory: every step of the run in rounds (round, environment, class, times, status) and the order's seed. */
    public static final String TIMELINE_JSON = "timeline.json";
    /** In a run directory asked for a precision: the rounds planned after the pilot, per benchmark and row. */
    public static final String PRECISION_JSON = "precision.json";

    /**
     * In an environment directory: what its inbound steps wrote (jmh.json, environment.json, jmh.log of the client that
     * ran on the host against a peer inside the environment); the comparison counts its rows as the environment's.
     */
    public static final String INBOUND_DIR = "inbound";
    /**
     * In an environment directory (as the suite inside sees it): what the inbound peer printed, the first place to
     * look when it did not answer. On the host's network (host, Charliecloud, Podman) it is beside the results.
     */
    public static final String INBOUND_PEER_LOG = "inbound-peer.log";

    private ResultLayout() {
    }

    public static Path inboundDir(Path envDir) {
        return envDir.resolve(INBOUND_DIR);
    }

    public static Path jmhJson(Path envDir) {
        return envDir.resolve(JMH_JSON);
    }

    public static Path environmentJson(Path envDir) {
        return envDir.resolve(ENVIRONMENT_JSON);
    }

    public static Path jmhLog(Path envDir) {
        return envDir.resolve(JMH_LOG);
    }

    public static Path footprintJson(Path envDir) {
        return envDir.resolve(FOOTPRINT_JSON);
    }

    public static Path consoleLog(Path envDir) {
        return envDir.resolve(CONSOLE_LOG);
    }

    public static Path reportDir(Path runDir) {
        return runDir.resolve(REPORT_DIR);
    }

    public static Path precisionJson(Path runDir) {
        return runDir.resolve(PRECISION_JSON);
    }

    public static Path timelineJson(Path runDir) {
        return runDir.resolve(TIMELINE_JSON);
    }

    public static Path environmentsJson(Path runDir) {
        return runDir.resolve(ENVIRONMENTS_JSON);
    }

    /** An environment directory is one that holds a jmh.json, of its own or of its inbound steps (a link counts, to be refused when read). */
    public static boolean isEnvDir(Path dir) {
        return UntrustedFile.present(jmhJson(dir)) || UntrustedFile.present(jmhJson(inboundDir(dir)));
    }
}
