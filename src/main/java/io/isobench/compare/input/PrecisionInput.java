package io.isobench.compare.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareException;
import io.isobench.compare.stats.TwoStage;
import io.isobench.schema.PrecisionRecord;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Path;

/** The plan of a run asked for a precision ({@code RUN_DIR/precision.json}, {@link PrecisionRecord}), when it has one. */
public final class PrecisionInput {

    private PrecisionInput() {
    }

    /** The run directory's plan, or null when the run was not asked for a precision. */
    public static PrecisionRecord read(Path runDir) throws CompareException {
        Path file = ResultLayout.precisionJson(runDir);
        if (!UntrustedFile.present(file)) {
            return null;
        }
        JsonNode root = Json.read(file);
        if (!root.isObject() || !root.path("rows").isArray()) {
            throw new CompareException(file, "is not a precision plan (expected an object with a rows list)");
        }
        PrecisionRecord plan = Json.bind(file, root, PrecisionRecord.class);
        if (!(plan.precision() > 0) || !(plan.alpha() > 0 && plan.alpha() < 1)) {
            throw new CompareException(file, "needs a precision above 0 and an alpha between 0 and 1");
        }
        for (PrecisionRecord.Row row : plan.rows()) {
            if (row.environment() == null || row.baseline() == null || row.benchmark() == null || row.mode() == null
                    || row.pilotRounds() < 2 || !(row.pilotSd() >= 0) || row.rounds() < row.pilotRounds()) {
                throw new CompareException(file, "has a row without environment, baseline, benchmark and mode, or with "
                        + "a pilot of fewer than 2 rounds, a negative or missing pilotSd, or fewer rounds than its pilot");
            }
            if (!(row.trim() >= 0 && row.trim() < 0.5) || TwoStage.degreesOfFreedom(row.pilotRounds(), row.trim()) < 1) {
                throw new CompareException(file, "has a row whose trim (" + row.trim() + ") is not a fraction from 0 to "
                        + "below 0.5 of the rounds a side that leaves its pilot of " + row.pilotRounds()
                        + " rounds a degree of freedom");
            }
        }
        return plan;
    }
}
