package io.isobench.launcher.kind.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.isobench.launcher.core.Cleanup;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.ImageRecipes;
import io.isobench.launcher.core.InboundPeer;
import io.isobench.launcher.core.Instance;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.NeighbourSpec;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.SuiteCommand;
import io.isobench.network.EchoPeer;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.Measurement;
import io.isobench.schema.ShippedImage;
import io.isobench.support.Peer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The suite in a Docker container: the image as a Java service would ship it (the shared rootfs, the JVM runtime and
 * the jar baked in, see {@link ContainerImages}), the environment directory bind-mounted (so results land on the host as they are written and survive a dead engine), and
 * every step exec'd into the one container that stays up for the whole run. The peer benchmarks go to an
 * {@link EchoPeer} on the host, as a service in the container reaches the host's network: from a bridged container
 * through veth and the bridge to the bridge's gateway address (the peer binds that address, and only for the run), with
 * host networking over loopback. The variant {@code -sibling} dials an EchoPeer container beside it instead, which is
 * also, idle, the instance whose memory the footprint reads.
 */
public final class ContainerEnvironment implements Environment {

    /** Where the runtime, the jar (both in the image) and the results live inside the container. */
    private static final String OPT = ContainerImages.OPT;
    private static final String RUNTIME = OPT + "/runtime";
    private static final String JAR = OPT + "/benchmarks.jar";
    private static final String RESULTS = "/results";
    private static final String BENCH_OVERLAY = "/var/tmp/isobench";
    private static final String BENCH_VOLUME = "/bench";
    private static final int PEER_PORT = 7000;
    /** Where a neighbour container sees its load generator's control directory. */
    private static final String LOAD_CONTROL = "/load-control";

    private final ContainerVariant variant;
    /** The engine's name for the variant's runtime, known once started. */
    private String engineRuntime = "runc";
    private final String image;

    public ContainerEnvironment(ContainerVariant variant, String image) {
        this.variant = variant;
        this.image = image;
    }

    @Override
    public String name() {
        return "container-" + variant;
    }

    public ContainerVariant variant() {
        return variant;
    }

    @Override
    public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException {
        Docker docker = Docker.connect();
        docker.sweepLeftovers();
        String base = this.image != null ? this.image : ImageRecipes.build("container");
        if (!docker.imageExists(base)) {
            throw new LauncherException("image " + base + " does not exist locally and cannot be pulled here");
        }
        engineRuntime = docker.runtimeName(variant.runtime()).orElseThrow(() -> new LauncherException(
                missingRuntime(variant.runtime())));
        ContainerRuntime runtime = runtimeFacts(docker, engineRuntime);
        Map<String, String> labels = Docker.labels(spec.runId());
        Cleanup cleanup = new Cleanup();
        try {
            String withRuntime = ContainerImages.withRuntime(docker, base, spec.runtime());
            String image = ContainerImages.withJar(docker, withRuntime, spec.benchmarksJar(), spec.runId(), labels);
            cleanup.add("image " + image, whileEngineAnswers(docker, () -> docker.removeImage(image)));
            ShippedImage shipped = ContainerImages.sizes(docker, base, withRuntime, image);
            footprint.update(f -> f.image(image, shipped.withJarBytes()).shipped(shipped));
            boolean bridge = variant.network().equals("bridge");
            Network network = null;
            if (bridge) {
                network = Network.builder().driver("bridge")
                        .createNetworkCmdModifier(cmd -> cmd.withLabels(labels)).build();
                Network created = network;
                cleanup.add("network", whileEngineAnswers(docker, created::close));
            }
            boolean sibling = variant.peer().equals("sibling");
            String peerHost = bridge ? "peer" : "127.0.0.1";
            int peerPort = bridge ? PEER_PORT : PeerProcess.freeLoopbackPort();

            GenericContainer<?> peer = container(image, labels, network)
                    .withCommand(RUNTIME + "/bin/java", "-cp", JAR, EchoPeer.class.getName(), "--port",
                            String.valueOf(peerPort), "--bind", bridge ? "0.0.0.0" : "127.0.0.1")
                    .waitingFor(Wait.forLogMessage(".*" + EchoPeer.READY + ".*", 1).withStartupTimeout(Duration.ofMinutes(2)));
            if (network != null) {
                peer.withNetworkAliases(peerHost);
            }
            cleanup.add("peer container", whileEngineAnswers(docker, () -> stop(docker, peer)));
            Progress.say(name() + ": starting the echo peer container" + (sibling ? "" : " (idle, for the footprint)"));
            peer.start();
            String peerAddress = peerHost + ":" + peerPort;
            String peerPath = bridge ? "sibling-bridge" : "sibling-host-network";
            String gateway = bridge ? docker.gateway(network.getId()) : null;
            if (!sibling) {
                String bind = bridge ? gateway : "127.0.0.1";
                PeerProcess hostPeer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), bind);
                cleanup.add("echo peer on the host", hostPeer::close);
                Progress.say(name() + ": the echo peer runs on the host at " + bind + ":" + hostPeer.port());
                peerAddress = bind + ":" + hostPeer.port();
                peerPath = bridge ? "bridge-to-host" : "host-network-loopback";
            }

            String benchDir = variant.storage().equals("volume") ? BENCH_VOLUME : BENCH_OVERLAY;
            List<Bind> binds = new ArrayList<>();
            String envInside = RESULTS + "/" + name();
            Files.createDirectories(envDir);
            binds.add(new Bind(envDir.toString(), new Volume(envInside)));
            if (variant.storage().equals("volume")) {
                String volumeName = "isobench-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
                docker.client().createVolumeCmd().withName(volumeName).withLabels(labels).exec();
                cleanup.add("volume " + volumeName,
                        whileEngineAnswers(docker, () -> docker.client().removeVolumeCmd(volumeName).exec()));
                binds.add(new Bind(volumeName, new Volume(BENCH_VOLUME)));
            }
            // The inbound peer's port: published on the gateway's address only (Docker's DNAT from the host; nothing
            // outside the host reaches it); with host networking the peer binds a free loopback port itself.
            ExposedPort inboundPort = ExposedPort.tcp(InboundPeer.PORT);
            int inboundLoopbackPort = bridge ? 0 : PeerProcess.freeLoopbackPort();
            GenericContainer<?> bench = container(image, labels, network).withCommand("sleep", "infinity")
                    .withCreateContainerCmdModifier(cmd -> {
                        hostConfig(cmd).withBinds(binds);
                        if (bridge) {
                            cmd.withExposedPorts(inboundPort);
                            hostConfig(cmd).withPortBindings(new Ports(inboundPort, Ports.Binding.bindIp(gateway)));
                        }
                    });
            cleanup.add("benchmark container", whileEngineAnswers(docker, () -> stop(docker, bench)));
            Progress.say(name() + ": starting the benchmark container on " + image);
            bench.start();
            String id = bench.getContainerId();

            Thread.sleep(2000); // let the idle peer settle before its memory is read
            Network net = network;
            footprint.attempt("idle memory", () -> {
                long idle = docker.memoryUsageBytes(peer.getContainerId());
                footprint.update(f -> f.idleMemoryBytes(idle));
            });
            footprint.attempt("writable layer after an idle start", () -> {
                long layer = docker.writableLayerBytes(peer.getContainerId());
                footprint.update(f -> f.idleLayerBytes(layer));
            });
            footprint.attempt("host processes' memory", () -> {
                long pss = ContainerProcesses.pssBytes(peer.getContainerId());
                footprint.update(f -> f.hostProcessesPssBytes(pss));
            });
            footprint.attempt("start-to-ready time", () -> {
                Measurement ready = Measurement.of(new StartTimer(docker, image, labels, net, this::limits).measure());
                footprint.update(f -> f.startToReadyMillis(ready));
            });
            if (!sibling) {
                stop(docker, peer); // measured; the benchmarks dial the host's peer
            }
            footprint.attempt("compressed image size", () -> {
                long compressed = docker.savedGzipBytes(image);
                footprint.update(f -> f.shipped(shipped.withCompressed(compressed, Docker.SAVED_GZIP)));
            });
            SuiteCommand suite = new SuiteCommand(RUNTIME + "/bin/java", JAR, envInside, benchDir, peerAddress, peerPath);
            InboundPeer.Route inbound = bridge
                    ? new InboundPeer.Route("0.0.0.0", InboundPeer.PORT, gateway, docker.publishedPort(id, inboundPort),
                    Peer.INBOUND_PREFIX + "dnat")
                    : new InboundPeer.Route("127.0.0.1", inboundLoopbackPort, "127.0.0.1", inboundLoopbackPort,
                    Peer.INBOUND_PREFIX + "host-network-loopback");
            Network siblingNetwork = network;
            Instance.Siblings siblings = (index, neighbours, control) -> neighbour(docker, spec, image, labels, siblingNetwork,
                    cleanup, index, neighbours, control);
            return new ContainerInstance(docker, id, suite,
                    new SuiteCommand.Identity(name(), "container", variant.toString(), "none"), envDir, runtime, inbound,
                    cleanup, siblings);
        } catch (IOException | RuntimeException | LauncherException | InterruptedException e) {
            cleanup.close();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new LauncherException(name() + ": the container did not start: " + LauncherException.rootMessage(e), e);
        }
    }

    /**
     * A neighbour: a container of the same image as shipped (runtime and jar in its layers), runtime, limits and network
     * as the benchmark container, whose main process is the load generator; its io files go to its own
     * writable layer, as the benchmark container's do. Labelled like every container of the run, so that the next run
     * sweeps it if this launcher is killed.
     */
    private Instance.Neighbour neighbour(Docker docker, RunSpec spec, String image, Map<String, String> labels,
                                         Network network, Cleanup cleanup, int index, NeighbourSpec neighbours,
                                         Path control) throws LauncherException {
        GenericContainer<?> sibling = container(image, labels, network)
                .withCommand(neighbours.command(RUNTIME + "/bin/java", JAR, LOAD_CONTROL, "/var/tmp").toArray(String[]::new))
                .withCreateContainerCmdModifier(cmd -> hostConfig(cmd).withBinds(
                        new Bind(control.toString(), new Volume(LOAD_CONTROL))));
        Cleanup.Action remove = whileEngineAnswers(docker, () -> stop(docker, sibling));
        cleanup.add("neighbour container " + index, remove);
        Progress.say(name() + ": starting neighbour container " + index + " (" + neighbours.load().id() + " load)");
        try {
            sibling.start();
        } catch (RuntimeException e) {
            stop(docker, sibling);
            throw new LauncherException(name() + ": neighbour container " + index + " did not start: "
                    + LauncherException.rootMessage(e), e);
        }
        return () -> {
            try {
                remove.run();
            } catch (Exception e) {
                Progress.warn(name() + ": cannot remove neighbour container " + index + ": " + e.getMessage());
            }
        };
    }

    /** The benchmark container: commands are execs, files are in the bind-mounted environment directory. */
    private record ContainerInstance(Docker docker, String id, SuiteCommand suite, SuiteCommand.Identity identity,
                                     Path resultsOnHost, ContainerRuntime runtime, InboundPeer.Route route,
                                     Cleanup cleanup, Instance.Siblings siblings) implements Instance {

        @Override
        public Optional<InboundPeer.Route> inboundRoute() {
            return Optional.of(route);
        }

        @Override
        public Neighbour startNeighbour(int index, NeighbourSpec neighbours, Path control)
                throws LauncherException, InterruptedException {
            return siblings.start(index, neighbours, control);
        }

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
            try {
                return docker.exec(id, command, sink, timeoutSeconds);
            } catch (RuntimeException e) {
                throw new LauncherException(docker.answers() ? "the exec failed: " + LauncherException.rootMessage(e)
                        : "the Docker engine stopped answering (" + LauncherException.rootMessage(e) + "); what ran is kept, "
                        + "and this run's containers are removed by the next run", e);
            }
        }

        @Override
        public void afterSuite(FootprintWriter footprint) throws InterruptedException {
            footprint.attempt("writable layer", () -> {
                long layer = docker.writableLayerBytes(id);
                footprint.update(f -> f.writableLayerBytes(layer));
            });
        }

        @Override
        public void close() {
            cleanup.close();
        }
    }

    /** The one line that says how to give the engine a runtime it lacks. */
    public static String missingRuntime(String runtime) {
        return "the Docker engine has no " + runtime + " runtime: install Debian's " + runtime + " package and register it "
                + "(scripts/lib.sh does both when it starts dockerd as root; by hand: a dockerd --config-file with "
                + "{\"runtimes\": {\"" + Docker.ISOBENCH_RUNTIME_PREFIX + runtime + "\": {\"path\": \"/usr/bin/" + runtime + "\""
                + (runtime.equals("runsc") ? ", \"runtimeArgs\": [\"--network=host\"]" : "") + "}}})";
    }

    /**
     * The runtime as environment.json records it: its engine name, binary and version, and for gVisor the platform and
     * network mode of isobench's registration (scripts/lib.sh: ptrace, since there may be no KVM; the host's network
     * stack, since gVisor's own netstack refuses to start in the root network namespace here).
     */
    private ContainerRuntime runtimeFacts(Docker docker, String runtimeName) throws InterruptedException {
        String path = docker.runtimePath(runtimeName);
        String version;
        try {
            version = io.isobench.launcher.core.Processes.run(List.of(path, "--version"), 30).output()
                    .lines().findFirst().orElse("unknown").strip();
        } catch (LauncherException e) {
            version = "unknown (" + e.getMessage() + ")";
        }
        boolean gvisor = variant.runtime().equals("runsc");
        String registration = runtimeName.startsWith(Docker.ISOBENCH_RUNTIME_PREFIX) ? null
                : "unknown (the engine's own registration)";
        return new ContainerRuntime(variant.runtime(), runtimeName, path, version,
                gvisor ? Objects.requireNonNullElse(registration, "ptrace") : null,
                gvisor ? Objects.requireNonNullElse(registration, "host") : null);
    }

    /** A container of this run: the run's image (runtime and jar baked in), never pulled. */
    private GenericContainer<?> container(String image, Map<String, String> labels, Network network) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withLabels(labels)
                .withCreateContainerCmdModifier(this::limits);
        if (network != null) {
            container.withNetwork(network);
        } else {
            container.withNetworkMode("host");
        }
        return container;
    }

    /** Seccomp and the optional cgroup limits, applied to every container of the run. */
    private void limits(CreateContainerCmd cmd) {
        HostConfig host = hostConfig(cmd);
        if (!variant.runtime().equals("runc")) {
            host.withRuntime(engineRuntime);
        }
        if (variant.seccomp().equals("unconfined")) {
            host.withSecurityOpts(List.of("seccomp=unconfined"));
        }
        if (variant.nanoCpus() != null) {
            host.withNanoCPUs(variant.nanoCpus());
        }
        if (variant.memoryBytes() != null) {
            host.withMemory(variant.memoryBytes());
        }
        if (variant.cpuset() != null) {
            host.withCpusetCpus(variant.cpuset());
        }
    }

    static HostConfig hostConfig(CreateContainerCmd cmd) {
        if (cmd.getHostConfig() == null) {
            cmd.withHostConfig(new HostConfig());
        }
        return cmd.getHostConfig();
    }

    /** Undoes only while the engine answers: what a dead engine holds is removed by the next run's sweep. */
    private static Cleanup.Action whileEngineAnswers(Docker docker, Cleanup.Action action) {
        return () -> {
            if (docker.answers()) {
                action.run();
            }
        };
    }

    private static void stop(Docker docker, GenericContainer<?> container) {
        String id = container.getContainerId();
        if (id != null) {
            docker.removeContainer(id);
        }
    }

}
