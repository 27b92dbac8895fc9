package io.isobench.compare;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading JSON files into trees, with one-line error messages. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The file's JSON tree; a missing, unreadable, empty or malformed file is a {@link CompareException}. */
    static JsonNode read(Path file) throws CompareException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CompareException(file, "no such file");
        } catch (IOException e) {
            throw new CompareException(file, "cannot be read (" + oneLine(e.getMessage()) + ")");
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new CompareException(file, "is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new CompareException(file, "is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CompareException(file, describe(e));
        } catch (IOException e) {
            throw new CompareException(file, "cannot be read (" + oneLine(e.getMessage()) + ")");
        }
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

    private static String describe(JsonProcessingException e) {
        String message = oneLine(e.getOriginalMessage());
        int marker = message.indexOf(" (start marker");
        if (marker > 0) {
            message = message.substring(0, marker);
        }
        boolean truncated = message.startsWith("Unexpected end-of-input");
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return (truncated ? "truncated JSON" : "malformed JSON") + at + " (" + message + ")";
    }

    static String oneLine(String text) {
        if (text == null) {
            return "no details";
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
