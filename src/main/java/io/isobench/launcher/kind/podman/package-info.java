/**
 * Podman: the suite in a container of the same image under Podman (no daemon: conmon per container) with runc or crun,
 * as root or rootless, on the host's network.
 */
package io.isobench.launcher.kind.podman;
