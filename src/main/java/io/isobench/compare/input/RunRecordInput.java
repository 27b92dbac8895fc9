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
                    notes.add(Reasons.after(entry.env() + " " + entry.status(), entry.reason(), unexplained(entry.status())));
                }
            }
        }
        return notes;
    }

    /**
     * What an entry without a reason says by its status alone: an environment still {@code running} in a record that
     * is read afterwards was left so by a main job that stopped before it wrote how the environment ended.
     */
    static String unexplained(String status) {
        return EnvironmentRecord.RUNNING.equals(status) ? "environments.json still says running: the main job stopped "
                + "before it recorded how this environment ended; its results are what was measured until then"
                : "environments.json gives no reason";
    }
}
