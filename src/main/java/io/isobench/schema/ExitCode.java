package io.isobench.schema;

/**
 * Every exit code of isobench, defined once for the suite runner, the launcher ({@code host}, {@code container},
 * {@code vm}, {@code bench}) and {@code compare}; the README has the same table. A partial run and a failed regression
 * gate have codes of their own, so a script can tell "some benchmarks failed, the rest is measured" from "it got
 * slower". Constants, not an enum, so that usage texts in annotations can name them.
 */
public final class ExitCode {

    /** Everything asked for was done. */
    public static final int DONE = 0;
    /**
     * The command was right but could not be carried out: an environment could not start or was lost, the results
     * could not be compared at the end of the main job, the machine is busy (a host run holds the lock), an internal
     * error.
     */
    public static final int FAILURE = 1;
    /** Bad input or usage: an option, an argument, or an input file (one line naming it). */
    public static final int BAD_INPUT = 2;
    /** Every environment ran, but some benchmarks failed; what was measured is kept and the report lists the failures. */
    public static final int PARTIAL = 3;
    /** {@code compare --fail-on-regression}: a significant slowdown beyond its threshold. */
    public static final int REGRESSION = 4;

    private ExitCode() {
    }
}
