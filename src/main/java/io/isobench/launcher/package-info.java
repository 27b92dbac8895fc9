/**
 * The launcher: starts benchmarks.jar's suite runner in each environment and measures what JMH cannot (image size,
 * start time, idle memory). {@code cli} holds the commands and their options; {@code core} the lifecycle that every
 * environment shares (a run in rounds, an {@code Instance}, the suite's command line, built once by
 * {@link io.isobench.launcher.core.SuiteCommand}); {@code kind} one package per kind of environment (host, container,
 * vm), which differ only in how they start and where files go; {@code density} and {@code fleet} their commands.
 */
package io.isobench.launcher;
