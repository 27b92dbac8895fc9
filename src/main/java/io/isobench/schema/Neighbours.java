package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The neighbours an environment ran beside (since 2.2): {@code count} sibling instances of the same kind, each running
 * isobench's load generator during this environment's steps only, and idle otherwise. The comparison sets such an
 * environment against {@code alone}, the same kind without neighbours in the same run.
 *
 * @param count         sibling instances
 * @param load          cpu, io or net
 * @param alone         the environment of the same kind without neighbours, e.g. {@code container-bridge}
 * @param threadsEach   load threads in each sibling (every CPU it counts), or null when none reported
 * @param bursts        steps run under load (one burst of load per step)
 * @param loadedSeconds the sum of the bursts' durations
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Neighbours(int count, String load, String alone, Integer threadsEach, long bursts, double loadedSeconds) {
}
