package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The version of the results schema, {@code MAJOR.MINOR}, written into every file as {@code schemaVersion}. A new
 * minor only adds fields, which older readers ignore; a new major changes what existing fields mean or where they
 * are, and a reader refuses a major it does not know. Files without a version are the layout before versions
 * (1.0): the same keys, environments.json a bare array.
 */
public record SchemaVersion(int major, int minor) {

    /** The key in every file. */
    public static final String FIELD = "schemaVersion";

    /** What this build writes: 2.0 added the version itself and made environments.json an object; 2.1 the peer path;
     * 2.2 the neighbours in environment.json; the image as shipped and the layer after an idle start in the footprint;
     * 2.3 the rows whose evidence contradicts their claim, the unsteady rows and the environment's caveats in
     * environment.json; 2.4 precision.json, the plan of a run asked for a precision; 2.5 whether the JVM mapped its
     * class-data archive ({@code jvm.classDataSharing}) in environment.json; 2.6 what reclaims memory on its own
     * ({@code memoryReclaim}) in environment.json; 2.7 the rounds each benchmark got ({@code benchmarks}) in
     * precision.json; 2.8 the fraction a planned row trims ({@code trim}: its pilot SD winsorized, its test on the
     * trimmed mean) in precision.json. */
    public static final SchemaVersion CURRENT = new SchemaVersion(2, 8);

    /** Files written before the schema had a version. */
    public static final SchemaVersion LEGACY = new SchemaVersion(1, 0);

    public SchemaVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("a schema version is MAJOR.MINOR with non-negative numbers");
        }
    }

    @JsonCreator
    public static SchemaVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.", -1);
        try {
            if (parts.length == 1 || parts.length == 2) {
                return new SchemaVersion(Integer.parseInt(parts[0]), parts.length == 2 ? Integer.parseInt(parts[1]) : 0);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("schemaVersion '" + text + "' is not MAJOR.MINOR");
    }

    /** The version a file's root says it has: its {@code schemaVersion}, or {@link #LEGACY} when there is none. */
    public static SchemaVersion of(JsonNode root) throws SchemaException {
        JsonNode field = root == null || !root.isObject() ? null : root.get(FIELD);
        if (field == null || field.isNull()) {
            return LEGACY;
        }
        if (!field.isTextual()) {
            throw new SchemaException(FIELD + " " + field + " is not a \"MAJOR.MINOR\" string");
        }
        try {
            return parse(field.textValue());
        } catch (IllegalArgumentException e) {
            throw new SchemaException(e.getMessage());
        }
    }

    /** Whether this build reads files of this version: its major is the current one or the legacy one. */
    public boolean readable() {
        return major == CURRENT.major || major == LEGACY.major;
    }

    /** Refuses a version this build cannot read, in one line. */
    public SchemaVersion requireReadable() throws SchemaException {
        if (!readable()) {
            throw new SchemaException(FIELD + " " + this + " is not one this isobench reads (" + LEGACY.major + ".x or "
                    + CURRENT.major + ".x, writing " + CURRENT + "); use the isobench that wrote it, or a newer one");
        }
        return this;
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
