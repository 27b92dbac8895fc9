package io.isobench.suite;

/**
 * Every exit code of isobench, defined once for the suite runner, the launcher ({@code host}, {@code container},
 * {@code vm}, {@code bench}) and {@code compare}; the README has the same table. A partial run and a failed regression
 * gate have codes of their own, so a script can tell "some benchmarks failed, the rest is measured" from "it got slower".
 */
public enum ExitCode {

    /** Everything asked for was done. */
    DONE(0),
    /** The command was right but could not be carried out: an environment could not start or was lost, the machine is busy, an internal error. */
    FAILURE(1),
    /** Bad input or usage: an option, an argument, or an input file (one line naming it). */
    BAD_INPUT(2),
    /** Every environment ran, but some benchmarks failed; what was measured is kept and the report lists the failures. */
    PARTIAL(3),
    /** {@code compare --fail-on-regression}: a significant slowdown beyond its threshold. */
    REGRESSION(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
