/**
 * The suite runner that every environment executes inside benchmarks.jar: run profiles, the JMH command line,
 * the environment fingerprint and the result layout, each defined once here.
 */
package io.isobench.suite;
