package io.isobench.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark class that can only run where a {@link Capability} is present. The suite runner
 * probes the capability first and skips the class with the probe's reason instead of failing it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Requires {
    Capability value();
}
