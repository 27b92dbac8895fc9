package io.isobench.launcher.density;

import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.LauncherException;
import io.isobench.schema.DensityRecord;
import io.isobench.schema.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A density series against a simulated host: each instance takes 100 MiB of MemAvailable while it runs. */
class DensityRunTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    /** A kind whose instances take memory from the simulated host and give it back when closed. */
    private static final class FakeKind implements IdleKind {
        final AtomicLong available;
        final long cost;
        final int failAt;
        final List<Integer> running = new ArrayList<>();
        int starts;
        boolean closed;

        FakeKind(AtomicLong available, long cost, int failAt) {
            this.available = available;
            this.cost = cost;
            this.failAt = failAt;
        }

        @Override
        public String label() {
            return "fake";
        }

        @Override
        public String kind() {
            return "host";
        }

        @Override
        public List<String> notes() {
            return List.of("simulated");
        }

        @Override
        public Started start(int index) throws LauncherException {
            starts++;
            if (index == failAt) {
                throw new LauncherException("no room");
            }
            available.addAndGet(-cost);
            running.add(index);
            return new Started() {
                @Override
                public double startToReadyMillis() {
                    return 10.0 * index;
                }

                @Override
                public OptionalLong hostProcessesPssBytes() {
                    return OptionalLong.of(cost / 2);
                }

                @Override
                public void close() {
                    if (running.remove(Integer.valueOf(index))) {
                        available.addAndGet(cost);
                    }
                }
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private DensityRun run(AtomicLong available, long floorBytes, int max) {
        DensityRecord start = DensityRecord.started("test host", 2000 * MIB, floorBytes, "2026-11-28T00:00:00Z");
        return new DensityRun(dir.resolve(DensityRecord.FILE), start, new MemInfo(0, 1, available::get),
                baseline -> new Floor(floorBytes, "test"), max);
    }

    @Test
    void theFloorStopsTheSeriesBeforeTheStartThatWouldCrossIt() throws Exception {
        AtomicLong available = new AtomicLong(1000 * MIB);
        FakeKind kind = new FakeKind(available, 100 * MIB, 0);
        DensityRecord.Series series = run(available, 750 * MIB, 10).run(kind, false);
        // 900 and 800 MiB left after two; a third would leave 700, below 750: never started.
        assertEquals(2, kind.starts);
        assertEquals(2, series.points().size());
        assertTrue(series.stopReason().startsWith("floor:"), series.stopReason());
        assertEquals(List.of(), kind.running, "every instance removed");
        assertTrue(kind.closed);
        assertEquals(1000 * MIB, available.get());
    }

    @Test
    void recordsDropMarginalAndStartPerInstanceAndWritesTheFile() throws Exception {
        AtomicLong available = new AtomicLong(1000 * MIB);
        FakeKind kind = new FakeKind(available, 100 * MIB, 0);
        DensityRun run = run(available, 0, 3);
        DensityRecord.Series series = run.run(kind, false);
        assertEquals("--max 3 reached", series.stopReason());
        assertEquals(List.of(100 * MIB, 200 * MIB, 300 * MIB),
                series.points().stream().map(DensityRecord.Point::memAvailableDropBytes).toList());
        assertEquals(List.of(100 * MIB, 100 * MIB, 100 * MIB),
                series.points().stream().map(DensityRecord.Point::marginalBytes).toList());
        assertEquals(100.0 * MIB, series.marginalBytes());
        assertEquals(30.0, series.points().get(2).startToReadyMillis());
        DensityRecord read = ResultJson.read(dir.resolve(DensityRecord.FILE), DensityRecord.class);
        assertEquals(run.record(), read);
    }

    @Test
    void aFailedStartEndsTheSeriesWithItsReasonAndRemovesTheOthers() throws Exception {
        AtomicLong available = new AtomicLong(1000 * MIB);
        FakeKind kind = new FakeKind(available, 100 * MIB, 2);
        DensityRecord.Series series = run(available, 0, 5).run(kind, false);
        assertEquals(1, series.points().size());
        assertEquals("instance 2 did not start: no room", series.stopReason());
        assertEquals(List.of(), kind.running);
    }
}
