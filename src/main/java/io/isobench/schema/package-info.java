/**
 * The results schema: every JSON file a run writes besides JMH's own, as Jackson-bound records that the suite (inside
 * benchmarks.jar), the launcher and the comparison share, so that a field cannot go missing on one side. Each file
 * carries {@link io.isobench.schema.SchemaVersion the schema version}; a reader refuses an unknown major version
 * and ignores fields it does not know within a major.
 */
package io.isobench.schema;
