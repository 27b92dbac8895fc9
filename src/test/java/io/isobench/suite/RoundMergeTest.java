package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundMergeTest {

    private static JsonNode step(String params, String rawData) throws Exception {
        return JsonFiles.MAPPER.readTree("[{\"benchmark\": \"io.isobench.cpu.X.run\", \"mode\": \"avgt\", \"forks\": 1,"
                + " \"params\": " + params + ", \"primaryMetric\": {\"score\": 0, \"scoreError\": \"NaN\", \"scoreUnit\": \"ns/op\","
                + " \"rawData\": " + rawData + "}, \"secondaryMetrics\": {\"bytes\": {\"score\": 1, \"scoreUnit\": \"B/s\","
                + " \"rawData\": " + rawData + "}}}]");
    }

    @Test
    void roundsBecomeForksOfOneEntryTaggedWithTheirRound() throws Exception {
        ArrayNode merged = JsonFiles.MAPPER.createArrayNode();
        RoundMerge.merge(merged, step("{\"size\": \"4\"}", "[[10, 12]]"), 1);
        RoundMerge.merge(merged, step("{\"size\": \"4\"}", "[[20, 22]]"), 3);
        assertEquals(1, merged.size());
        JsonNode entry = merged.get(0);
        assertEquals("[1,3]", entry.get(RoundMerge.ROUNDS).toString());
        assertEquals(2, entry.get("forks").asInt());
        JsonNode primary = entry.get("primaryMetric");
        assertEquals("[[10,12],[20,22]]", primary.get("rawData").toString());
        assertEquals(16.0, primary.get("score").asDouble(), 1e-9, "the mean over every iteration, as JMH computes it");
        assertTrue(primary.get("scoreError").isNumber(), "four iterations have an error");
        assertEquals(22.0, primary.get("scorePercentiles").get("100.0").asDouble(), 1e-9);
        assertEquals(2, entry.get("secondaryMetrics").get("bytes").get("rawData").size(), "secondary metrics merge too");
    }

    @Test
    void differentParametersStaySeparate() throws Exception {
        ArrayNode merged = JsonFiles.MAPPER.createArrayNode();
        RoundMerge.merge(merged, step("{\"size\": \"4\"}", "[[1, 2]]"), 1);
        RoundMerge.merge(merged, step("{\"size\": \"64\"}", "[[3, 4]]"), 1);
        assertEquals(2, merged.size());
        assertEquals("[1]", merged.get(1).get(RoundMerge.ROUNDS).toString());
    }

    @Test
    void severalForksInARoundAreEachTagged() throws Exception {
        ArrayNode merged = JsonFiles.MAPPER.createArrayNode();
        RoundMerge.merge(merged, step("{}", "[[1, 2], [3, 4]]"), 2);
        assertEquals("[2,2]", merged.get(0).get(RoundMerge.ROUNDS).toString());
    }

    @Test
    void sampleModeHistogramsMerge() throws Exception {
        String entry = "[{\"benchmark\": \"io.isobench.network.P.rt\", \"mode\": \"sample\", \"primaryMetric\": {"
                + "\"score\": 0, \"scoreUnit\": \"us/op\", \"rawDataHistogram\": [[[[1.0, 3], [5.0, 1]]]]}}]";
        ArrayNode merged = JsonFiles.MAPPER.createArrayNode();
        RoundMerge.merge(merged, JsonFiles.MAPPER.readTree(entry), 1);
        RoundMerge.merge(merged, JsonFiles.MAPPER.readTree(entry), 2);
        JsonNode primary = merged.get(0).get("primaryMetric");
        assertEquals(2, primary.get("rawDataHistogram").size());
        assertEquals(2.0, primary.get("score").asDouble(), 1e-9, "(3 x 1 + 5) / 4 in each round");
        assertEquals(5.0, primary.get("scorePercentiles").get("100.0").asDouble(), 1e-9);
    }
}
