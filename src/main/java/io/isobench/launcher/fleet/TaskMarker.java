package io.isobench.launcher.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * task.json in a node directory: written by the task when it starts and again when its bench command ends (exit code,
 * and the signal when it was ended by one). What a task that is lost or killed with SIGKILL never writes is the end;
 * Slurm's own state then says what happened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskMarker(String node, String jobId, long pid, String started, String finished, Integer exitCode,
                         String signal) {

    public static final String FILE = "task.json";

    public static TaskMarker started(String node, String jobId, long pid) {
        return new TaskMarker(node, jobId, pid, Instant.now().toString(), null, null, null);
    }

    /** The end: exit code as a shell shows it (128 + N for signal N, which is then named). */
    public TaskMarker ended(int code) {
        return new TaskMarker(node, jobId, pid, started, Instant.now().toString(), code,
                code > 128 && code < 128 + 65 ? Signals.name(code - 128) : null);
    }

    /** Whether the task recorded its end (Jackson must not read this as a property). */
    @JsonIgnore
    public boolean hasEnded() {
        return finished != null && exitCode != null;
    }

    public void write(Path nodeDir) throws IOException {
        JsonFiles.write(nodeDir.resolve(FILE), this);
    }

    /** The marker in a node directory, or null when there is none or it cannot be read (yet). */
    public static TaskMarker read(Path nodeDir) {
        Path file = nodeDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JsonFiles.MAPPER.readValue(file.toFile(), TaskMarker.class);
        } catch (IOException e) {
            return null;
        }
    }
}
