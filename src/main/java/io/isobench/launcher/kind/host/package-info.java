/** The host environment: the suite runner as a child process of the launcher, with the shared JVM runtime. */
package io.isobench.launcher.kind.host;
