package io.isobench.compare.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.isobench.compare.CompareException;
import io.isobench.schema.Measurement;
import io.isobench.schema.ResultJson;
import io.isobench.schema.SchemaException;
import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading JSON files into trees, with one-line error messages that name the file. Inputs may be huge or hostile, so
 * every file is read through {@link UntrustedFile}: a regular file only (a link is not followed, a FIFO not opened),
 * and at most {@link #MAX_BYTES} of JMH output or {@link #MAX_RECORD_BYTES} of any other record, counted as it is
 * read. A key that appears twice in one object is an error (which of the two would count is not for the reader to
 * guess), and running out of memory while reading is reported as the file's problem, not as the JVM's.
 */
public final class Json {

    /** The largest JMH JSON read: a full run with every profile is a few MB (the largest one in docs/ is 0.6 MB). */
    public static final long MAX_BYTES = 64L << 20;
    /** The largest other record read (environment.json, footprint.json, timeline.json, ...): they are kilobytes. */
    public static final long MAX_RECORD_BYTES = 16L << 20;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The file's JSON tree; a missing, unreadable, empty or malformed file is a {@link CompareException}. */
    public static JsonNode read(Path file) throws CompareException {
        try {
            byte[] bytes = UntrustedFile.readBytes(file, MAX_RECORD_BYTES);
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new CompareException(file, "is empty");
            }
            return node;
        } catch (IOException e) {
            throw failure(file, e);
        } catch (OutOfMemoryError e) {
            throw tooBig(file);
        }
    }

    /**
     * The record a file holds in the results schema ({@code io.isobench.schema}): an unknown major version, or a
     * field that is not what the schema says, is the file's problem in one line.
     */
    public static <T> T bind(Path file, JsonNode root, Class<T> type) throws CompareException {
        try {
            return ResultJson.bind(root, type);
        } catch (SchemaException e) {
            throw new CompareException(file, e.getMessage());
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("") : "";
            String why = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                    : e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? "is not " + expected(mismatch.getTargetType()) : oneLine(e.getOriginalMessage());
            throw new CompareException(file, (field.isEmpty() ? "" : field + ": ") + why);
        }
    }

    /** What a schema type looks like in JSON, for "is not ..." */
    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Measurement.class) {
            return "a number or {\"median\": m, \"samples\": [...]}";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return java.util.Collection.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    /** The one-line problem of a file that could not be read or parsed. */
    static CompareException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CompareException(file, "no such file or directory");
        }
        if (e instanceof UntrustedFile.Refused) {
            return new CompareException(file, e.getMessage());
        }
        if (e instanceof JsonProcessingException json) {
            return new CompareException(file, describe(json));
        }
        return new CompareException(file, "cannot be read (" + oneLine(e.getMessage()) + ")");
    }

    /** What is said when reading a file ran out of memory. */
    static CompareException tooBig(Path file) {
        return new CompareException(file, "does not fit in memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB heap); it is not a plausible isobench input");
    }

    /**
     * A score: a JSON number, or one of JMH's strings "NaN", "+INF", "-INF" (also "Infinity" forms), which become
     * the matching double. Anything else is null.
     */
    static Double number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue().trim()) {
                case "NaN":
                    return Double.NaN;
                case "+INF": case "INF": case "Infinity": case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-INF": case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    return null;
            }
        }
        return null;
    }

    static String describe(JsonProcessingException e) {
        String message = oneLine(e.getOriginalMessage());
        int marker = message.indexOf(" (start marker");
        if (marker > 0) {
            message = message.substring(0, marker);
        }
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        if (message.startsWith("Duplicate field '")) {
            return "has the key " + message.substring("Duplicate field ".length()) + " twice in one object" + at
                    + "; which one counts is not for a reader to guess";
        }
        boolean truncated = message.startsWith("Unexpected end-of-input");
        return (truncated ? "truncated JSON" : "malformed JSON") + at + " (" + message + ")";
    }

    public static String oneLine(String text) {
        if (text == null) {
            return "no details";
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
