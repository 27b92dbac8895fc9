package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something about the whole environment that moves its numbers and that its fingerprint only shows to a reader who knows
 * where to look, e.g. a clocksource other than tsc or kvm-clock, which makes every clock read (and so every sample-mode
 * timing) a system call or a device access. Since 2.3.
 *
 * @param subject what it is about, a fingerprint field's name ({@code clocksource})
 * @param value that field's value here ({@code hpet})
 * @param reason why it matters, in one sentence
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caveat(String subject, String value, String reason) {
}
