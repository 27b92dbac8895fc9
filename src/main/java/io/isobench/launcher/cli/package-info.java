/** The launcher's commands (bench, host, container, vm) and the options they share, turned into a run's plan. */
package io.isobench.launcher.cli;
