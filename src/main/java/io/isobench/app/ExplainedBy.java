package io.isobench.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A micro row that explains an application row's cost: the report's application section shows, per environment, the
 * application row beside each row named here, both with their ratio to the baseline, so that a reader sees which micro
 * cost carries the application's. On a benchmark method it holds for that method, on its class for each of its
 * methods. Read by {@link MicroRows}; every named method is checked to be a benchmark of the suite (a test).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ExplainedBy.Rows.class)
public @interface ExplainedBy {

    /** The micro benchmark's class. */
    Class<?> benchmark();

    /** Its benchmark method. */
    String method();

    /** Only its rows with these parameters, each {@code name=value}; empty: every row of the method. */
    String[] params() default {};

    /** What of the application's work the micro row measures, in words: "one WAL append and its fsync per commit". */
    String why();

    /** The container of repeated {@link ExplainedBy}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Rows {
        ExplainedBy[] value();
    }
}
