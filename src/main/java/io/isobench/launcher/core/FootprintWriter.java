package io.isobench.launcher.core;

import io.isobench.schema.Footprint;
import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes {@code footprint.json} ({@link Footprint}): what an instance costs besides speed. Written
 * after every measurement, so a later failure keeps what was measured.
 */
public final class FootprintWriter {

    private Footprint record = Footprint.empty();
    private final Path envDir;

    public FootprintWriter(Path envDir) {
        this.envDir = envDir;
    }

    /** Records a measurement ({@code f -> f.idleMemoryBytes(n)}) and saves the file. */
    public synchronized FootprintWriter update(Consumer<Footprint.Builder> change) throws IOException {
        Footprint.Builder builder = record.toBuilder();
        change.accept(builder);
        record = builder.build();
        JsonFiles.writeAtomically(ResultLayout.footprintJson(envDir), ResultJson.toJson(record));
        return this;
    }

    /** One measurement of the footprint; its failure is reported and must not keep the benchmarks from running. */
    public interface Measurement {
        void run() throws Exception;
    }

    /** Runs a measurement; if it fails, says so in one line and goes on. */
    public void attempt(String what, Measurement measurement) throws InterruptedException {
        try {
            measurement.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            Progress.warn(what + " not measured: " + e.getMessage());
        }
    }

    /** How often a measurement is repeated for its median. */
    public static final int SAMPLES = 5;

    /** Milliseconds of wall time since {@code startNanos}, to 0.1 ms. */
    public static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e5) / 10.0;
    }
}
