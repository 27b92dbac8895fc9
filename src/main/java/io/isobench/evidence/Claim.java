package io.isobench.evidence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a row claims its evidence shows: the value's bounds, for the rows with the given parameter values. On a benchmark
 * class it holds for each of its methods, on a method for that method. The suite lists a row as contradicted when any of
 * its forks has a value outside the bounds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Claims.class)
public @interface Claim {

    /** Which evidence the claim is about; the benchmark method must take its state class as an argument. */
    Evidence evidence();

    /** The smallest value that keeps the claim. */
    double atLeast() default Double.NEGATIVE_INFINITY;

    /** The largest value that keeps the claim. */
    double atMost() default Double.POSITIVE_INFINITY;

    /** Only for rows with these parameters, each {@code name=value}; empty: every row. */
    String[] params() default {};

    /** The claim in words, for the record and the report: "each read reaches the block device". */
    String means();
}
