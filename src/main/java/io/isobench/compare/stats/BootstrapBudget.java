package io.isobench.compare.stats;

/**
 * The bootstrap draws one comparison may spend. A percentile bootstrap costs resamples × samples random draws per row,
 * so a file under the size cap can hold enough rows of enough samples
 * to keep the comparison busy for minutes. Every bootstrap asks first; once the budget cannot pay, the interval is
 * analytic (Fieller's) and says so. Rows are compared in a fixed order, so which
 * rows that are is the same on every run.
 */
public final class BootstrapBudget {

    /**
     * About half a second of draws (4 to 5 ns each): enough for 2500 rows of ten forks a side at 2000 resamples, two
     * full-profile runs of every environment compared with each other (one run's rows are paired by round and need none).
     */
    public static final long DRAWS = 100_000_000L;

    private long left;

    public BootstrapBudget(long draws) {
        this.left = draws;
    }

    /** The budget of one comparison. */
    public static BootstrapBudget perComparison() {
        return new BootstrapBudget(DRAWS);
    }

    /** Takes {@code draws} when that many are left; false (and nothing taken) otherwise. */
    public synchronized boolean take(long draws) {
        if (draws < 0 || draws > left) {
            return false;
        }
        left -= draws;
        return true;
    }
}
