/**
 * The launcher: starts benchmarks.jar's suite runner in each environment (host, container, vm) and measures
 * what JMH cannot (image size, start time, idle memory). Environments differ only in how they start and where
 * files go; the suite's command line is built once, by {@link io.isobench.launcher.SuiteCommand}.
 */
package io.isobench.launcher;
