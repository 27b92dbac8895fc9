package io.isobench.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.ResultLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code footprint.json}: what an instance costs besides speed. A value is a number, or
 * {@code {"median": m, "samples": [...]}} for what was measured repeatedly. Written after every measurement,
 * so a later failure keeps what was measured.
 */
public final class Footprint {

    private final ObjectNode root = JsonFiles.MAPPER.createObjectNode();
    private final Path envDir;

    public Footprint(Path envDir) {
        this.envDir = envDir;
    }

    public Footprint put(String key, long value) throws IOException {
        root.put(key, value);
        return save();
    }

    public Footprint put(String key, String value) throws IOException {
        root.put(key, value);
        return save();
    }

    public Footprint putSamples(String key, List<Double> samples) throws IOException {
        ObjectNode node = root.putObject(key);
        node.put("median", median(samples));
        samples.forEach(node.putArray("samples")::add);
        return save();
    }

    private Footprint save() throws IOException {
        JsonFiles.write(ResultLayout.footprintJson(envDir), root);
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

    public static double median(List<Double> samples) {
        return io.isobench.compare.Stats.median(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** How often a measurement is repeated for its median. */
    public static final int SAMPLES = 5;

    /** Milliseconds of wall time since {@code startNanos}, to 0.1 ms. */
    public static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e5) / 10.0;
    }
}
