package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code RUN_DIR/environments.json}, the main job's record of a run: every planned environment with what happened to
 * it ({@code running}, {@code complete}, {@code partial}, {@code failed}, {@code skipped}) and why. Before schema
 * versions the file was the bare array of entries, which still reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRecord(SchemaVersion schemaVersion, List<Entry> environments) {

    /** One environment: its name, what happened to it, and why (empty when it completed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String env, String status, String reason) {
        public Entry {
            reason = reason == null ? "" : reason;
        }
    }

    @JsonCreator
    public RunRecord(@JsonProperty("schemaVersion") SchemaVersion schemaVersion,
                     @JsonProperty("environments") List<Entry> environments) {
        this.schemaVersion = schemaVersion == null ? SchemaVersion.LEGACY : schemaVersion;
        this.environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /** A record of this build's schema. */
    public static RunRecord of(List<Entry> environments) {
        return new RunRecord(SchemaVersion.CURRENT, environments);
    }

    /** The layout before versions: the entries alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RunRecord legacy(List<Entry> environments) {
        return new RunRecord(SchemaVersion.LEGACY, environments);
    }
}
