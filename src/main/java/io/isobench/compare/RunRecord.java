package io.isobench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.ResultLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job's record of a run ({@code RUN_DIR/environments.json}): environments that were skipped or failed, so the
 * report says why they are missing instead of silently leaving them out.
 */
final class RunRecord {

    private RunRecord() {
    }

    static List<String> notes(List<Path> inputs) throws CompareException {
        List<String> notes = new ArrayList<>();
        for (Path input : inputs) {
            Path record = ResultLayout.environmentsJson(input);
            if (!Files.isDirectory(input) || !Files.isRegularFile(record)) {
                continue;
            }
            JsonNode entries;
            try {
                entries = JsonFiles.read(record);
            } catch (IOException e) {
                throw new CompareException(record, "is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            for (JsonNode entry : entries) {
                String status = entry.path("status").asText();
                if (!status.equals("complete")) {
                    notes.add(entry.path("env").asText() + " " + status + ": " + entry.path("reason").asText());
                }
            }
        }
        return notes;
    }
}
