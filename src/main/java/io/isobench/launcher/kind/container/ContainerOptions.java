package io.isobench.launcher.kind.container;

import picocli.CommandLine.Option;

/**
 * {@code run-container.sh}'s options for the variant (see {@link ContainerVariant}, which checks them). No cgroup limits
 * unless asked for: the cost of isolation, not of a quota.
 */
public final class ContainerOptions {

    @Option(names = "--runtime", defaultValue = "runc",
            description = "OCI runtime: runc (Docker's default), crun, or runsc (gVisor's user-space kernel) (default: ${DEFAULT-VALUE}).")
    String runtime;

    @Option(names = "--network", defaultValue = "bridge",
            description = "bridge (veth and a bridge to the host) or host (the host's interfaces) (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--peer", defaultValue = "host",
            description = "Where the echo peer runs: host (on the host, reached through the bridge's gateway or over "
                    + "loopback with --network host) or sibling (in a container beside this one) (default: ${DEFAULT-VALUE}).")
    String peer;

    @Option(names = "--seccomp", defaultValue = "default", description = "default or unconfined (default: ${DEFAULT-VALUE}).")
    String seccomp;

    @Option(names = "--storage", defaultValue = "overlay",
            description = "overlay (the writable layer) or volume (a Docker volume) for the file benchmarks (default: ${DEFAULT-VALUE}).")
    String storage;

    @Option(names = "--cpus", description = "CPU quota, e.g. 0.5 (default: none).")
    String cpus;

    @Option(names = "--memory", description = "Memory limit in bytes or with k/m/g, e.g. 2g (default: none).")
    String memory;

    @Option(names = "--cpuset", description = "CPUs to pin to, e.g. 0-1 (default: none).")
    String cpuset;

    @Option(names = "--image", description = "Use this local image instead of building the shared rootfs image.")
    String image;

    /** The variant these options describe; one-line IllegalArgumentExceptions for bad values. */
    public ContainerVariant variant() {
        return new ContainerVariant(runtime, network, peer, seccomp, storage, cpus == null ? null : ContainerVariant.decimal(cpus.trim(), cpus),
                memory, cpuset);
    }

    public String image() {
        return image;
    }
}
