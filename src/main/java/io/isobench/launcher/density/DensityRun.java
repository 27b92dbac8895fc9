package io.isobench.launcher.density;

import io.isobench.launcher.core.Cleanup;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Progress;
import io.isobench.schema.DensityRecord;
import io.isobench.schema.ResultJson;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Starts idle instances of one kind after another until {@code --max} or the floor, recording after each the host's
 * MemAvailable drop, the newest instance's host processes and its start-to-ready time; then removes them all. The
 * record is written after every instance, and a shutdown hook removes the instances on Ctrl-C.
 */
public final class DensityRun {

    /** Extra settle time while KSM merges the new guest's pages. */
    private static final long KSM_SETTLE_MILLIS = 20_000;

    private final Path file;
    private final MemInfo memInfo;
    /** The floor for a series, from MemAvailable before its first instance (see {@link Floor#forSeries}). */
    private final java.util.function.LongFunction<Floor> floorFor;
    private final int max;
    private DensityRecord record;

    public DensityRun(Path file, DensityRecord record, MemInfo memInfo, java.util.function.LongFunction<Floor> floorFor,
                      int max) {
        this.file = file;
        this.record = record;
        this.memInfo = memInfo;
        this.floorFor = floorFor;
        this.max = max;
    }

    public DensityRecord record() {
        return record;
    }

    /** A series' label: the kind's ({@code vm-tcg}, {@code vm-tcg-fpr}), then {@code -ksm} when KSM was on. */
    public static String label(String kindLabel, boolean ksm) {
        return kindLabel + (ksm ? "-ksm" : "");
    }

    /** One series; with {@code ksm} the kernel's same-page merging is on while it runs and put back after. */
    public DensityRecord.Series run(IdleKind kind, boolean ksm) throws IOException, InterruptedException {
        String label = label(kind.label(), ksm);
        List<String> notes = new ArrayList<>(kind.notes());
        if (ksm) {
            notes.add("KSM on (/sys/kernel/mm/ksm/run = 1) while this series ran, put back after");
        }
        try (Cleanup cleanup = new Cleanup()) {
            cleanup.add(label + " (shared parts)", kind::close);
            if (ksm) {
                AutoCloseable restore = Ksm.on();
                cleanup.add("KSM setting", restore::close);
            }
            MemInfo mem = ksm ? memInfo.withExtraSettle(KSM_SETTLE_MILLIS) : memInfo;
            Progress.say(label + ": reading MemAvailable before the first instance");
            long baseline = mem.settledAvailableBytes();
            DensityRecord.Series series = new DensityRecord.Series(label, kind.kind(), notes, baseline, null, List.of());
            save(series);
            Floor floor = floorFor.apply(baseline);
            List<Long> marginals = new ArrayList<>();
            long available = baseline;
            long previousDrop = 0;
            String stop = "--max " + max + " reached";
            for (int n = 1; n <= max; n++) {
                var refusal = floor.refuse(available, marginals);
                if (refusal.isPresent()) {
                    stop = refusal.get();
                    Progress.say(label + ": not starting instance " + n + ": " + stop);
                    break;
                }
                IdleKind.Started started;
                try {
                    started = kind.start(n);
                } catch (LauncherException e) {
                    stop = "instance " + n + " did not start: " + e.getMessage();
                    Progress.warn(label + ": " + stop);
                    break;
                }
                cleanup.add(label + " instance " + n, started::close);
                available = mem.settledAvailableBytes();
                long drop = baseline - available;
                long marginal = drop - previousDrop;
                previousDrop = drop;
                marginals.add(marginal);
                OptionalLong pss = started.hostProcessesPssBytes();
                OptionalLong sharing = ksm ? Ksm.pagesSharing() : OptionalLong.empty();
                series = series.withPoint(new DensityRecord.Point(n, drop, marginal,
                        pss.isPresent() ? pss.getAsLong() : null, started.startToReadyMillis(),
                        sharing.isPresent() ? sharing.getAsLong() : null));
                save(series);
                Progress.say(String.format(Locale.ROOT, "%s: %d running; MemAvailable down %.1f MiB (this one %.1f MiB), "
                        + "ready in %.0f ms", label, n, drop / 1048576.0, marginal / 1048576.0, started.startToReadyMillis()));
            }
            series = series.stopped(stop);
            save(series);
            Progress.say(label + ": stopping and removing " + series.points().size() + " instance(s)");
            return series;
        }
    }

    /** Records a series that could not run here at all, with the reason. */
    public void skipped(String label, String kind, String reason) throws IOException {
        save(new DensityRecord.Series(label, kind, List.of(), 0, "skipped: " + reason, List.of()));
        Progress.say(label + ": skipped: " + reason);
    }

    private void save(DensityRecord.Series series) throws IOException {
        record = record.with(series);
        JsonFiles.writeAtomically(file, ResultJson.toJson(record));
    }
}
