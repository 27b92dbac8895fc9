/**
 * The container environment: the suite in a Docker container managed by Testcontainers, on a local image of the
 * shared rootfs, with network, seccomp, storage and resource-limit variants.
 */
package io.isobench.launcher.kind.container;
