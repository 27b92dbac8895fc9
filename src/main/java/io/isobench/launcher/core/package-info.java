/**
 * What every kind of environment shares: a run in interleaved rounds ({@link io.isobench.launcher.core.Rounds}), one
 * started environment's lifecycle ({@link io.isobench.launcher.core.RunningEnvironment}), the {@code Instance} that a
 * kind starts, neighbours, the footprint and timeline files, the JVM runtime and child processes.
 */
package io.isobench.launcher.core;
