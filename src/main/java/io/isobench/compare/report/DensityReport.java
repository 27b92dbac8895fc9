package io.isobench.compare.report;

import io.isobench.compare.CompareException;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.model.DensityTable;
import io.isobench.schema.DensityRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a run directory that holds only a density run ({@code isobench density}): report.md, index.html and
 * summary.json with the density section alone, built by the same code as the full report's.
 */
public final class DensityReport {

    private DensityReport() {
    }

    /** Whether {@code dir} is a run directory with density.json and no environment to compare. */
    public static boolean only(Path dir) {
        return Files.isRegularFile(dir.resolve(DensityRecord.FILE)) && !InputLoader.isRunDir(dir);
    }

    /** Writes the three files into {@code outDir}; returns their paths. */
    public static List<Path> write(DensityTable d, Path outDir) throws CompareException {
        return Report.write(ReportBuilder.density(d), SummaryBuilder.densityOnly(d), outDir);
    }
}
