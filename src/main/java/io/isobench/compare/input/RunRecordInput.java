package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.RunRecord;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job's record of a run ({@code RUN_DIR/environments.json}, {@link RunRecord}):
 * environments that were skipped or failed, so the report says why they are missing instead of silently leaving
 * them out.
 */
public final class RunRecordInput {

    private RunRecordInput() {
    }

    public static List<String> notes(List<Path> inputs) throws CompareException {
        List<String> notes = new ArrayList<>();
        for (Path input : inputs) {
            Path file = ResultLayout.environmentsJson(input);
            if (!Files.isDirectory(input) || !UntrustedFile.present(file)) {
                continue;
            }
            RunRecord record = Json.bind(file, Json.read(file), RunRecord.class);
            for (RunRecord.Entry entry : record.environments()) {
                if (!EnvironmentRecord.COMPLETE.equals(entry.status())) {
                    notes.add(entry.env() + " " + entry.status() + ": " + entry.reason());
                }
            }
        }
        return notes;
    }
}
