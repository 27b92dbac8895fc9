/**
 * Charliecloud: the suite in a directory image (the container image's rootfs and runtime, exported), started by
 * {@code ch-run} in user namespaces with the host's network, unprivileged by default, as HPC sites run it.
 */
package io.isobench.launcher.kind.charliecloud;
