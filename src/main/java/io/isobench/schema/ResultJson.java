package io.isobench.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Binds the records of this package to and from JSON, the same way for the writers and the readers: the version is
 * checked before anything else is read, so a file of an unknown major is refused whatever its fields look like.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The largest record read back: they are kilobytes. */
    public static final long MAX_BYTES = 16L << 20;

    private ResultJson() {
    }

    /** The record as this build writes it. */
    public static String toJson(Object record) {
        try {
            return MAPPER.writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The record a parsed file holds, after its version was checked. */
    public static <T> T bind(JsonNode root, Class<T> type) throws SchemaException, JsonProcessingException {
        SchemaVersion.of(root).requireReadable();
        return MAPPER.treeToValue(root, type);
    }

    /**
     * Reads and binds a file (for writers that continue a file: the suite's next round, the launcher's marks). The
     * file may have been written inside a guest or a container: it is read through {@link UntrustedFile}, at most
     * {@link #MAX_BYTES}, and a key given twice is refused.
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return bind(MAPPER.readTree(UntrustedFile.readBytes(file, MAX_BYTES)), type);
    }

    /** A part of a tree as a record of this schema (no version check: the file's was checked when it was read). */
    public static <T> T toValue(JsonNode node, Class<T> type) {
        return MAPPER.convertValue(node, type);
    }

    /** The record as a JSON tree (for readers that show every field, such as the report's fingerprint table). */
    public static JsonNode toTree(Object record) {
        return MAPPER.valueToTree(record);
    }
}
