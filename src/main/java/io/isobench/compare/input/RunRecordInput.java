package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.RunRecord;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
            // Entries that share a status and a reason are one note: a main job that stopped leaves them all so.
            Map<List<String>, List<String>> grouped = record.environments().stream()
                    .filter(entry -> !EnvironmentRecord.COMPLETE.equals(entry.status()))
                    .collect(Collectors.groupingBy(entry -> List.of(String.valueOf(entry.status()),
                                    entry.reason() == null ? "" : entry.reason().strip()), LinkedHashMap::new,
                            Collectors.mapping(RunRecord.Entry::env, Collectors.toList())));
            grouped.forEach((key, envs) -> notes.add(Reasons.after(String.join(", ", envs) + " " + key.get(0),
                    key.get(1), unexplained(key.get(0)))));
        }
        return notes;
    }

    /**
     * What an entry without a reason says by its status alone: an environment still {@code running} in a record that
     * is read afterwards was left so by a main job that stopped before it wrote how the environment ended.
     */
    static String unexplained(String status) {
        return EnvironmentRecord.RUNNING.equals(status) ? "environments.json still says running: the main job stopped "
                + "before it recorded how it ended; the results are what was measured until then"
                : "environments.json gives no reason";
    }
}
