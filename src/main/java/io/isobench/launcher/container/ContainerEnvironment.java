package io.isobench.launcher.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.isobench.launcher.Cleanup;
import io.isobench.launcher.Environment;
import io.isobench.launcher.Footprint;
import io.isobench.launcher.ImageRecipes;
import io.isobench.launcher.JvmStart;
import io.isobench.launcher.LauncherException;
import io.isobench.launcher.Progress;
import io.isobench.launcher.ResultCopy;
import io.isobench.launcher.RunSpec;
import io.isobench.launcher.SuiteCommand;
import io.isobench.network.EchoPeer;
import io.isobench.suite.ResultLayout;
import io.isobench.suite.RunBudget;
import io.isobench.suite.TeeOutputStream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The suite in a Docker container: a local image of the shared rootfs, the jar and the JVM runtime copied in, the
 * suite runner exec'd with the same command line as on the host, the results copied back. The peer round trip goes
 * to a sibling container running {@link EchoPeer} (across veth and the bridge), or to loopback with host networking.
 */
public final class ContainerEnvironment implements Environment {

    /** Where the runtime, the jar and the results live inside the container. */
    private static final String OPT = "/opt/isobench";
    private static final String RUNTIME = OPT + "/runtime";
    private static final String JAR = OPT + "/benchmarks.jar";
    private static final String RESULTS = "/results";
    private static final String BENCH_OVERLAY = "/var/tmp/isobench";
    private static final String BENCH_VOLUME = "/bench";
    private static final int PEER_PORT = 7000;
    private static final long SHORT_EXEC_SECONDS = 120;

    private final ContainerOptions options;

    public ContainerEnvironment(ContainerOptions options) {
        this.options = options.validate();
    }

    @Override
    public String name() {
        return "container-" + options.variant();
    }

    @Override
    public int run(RunSpec spec, Path envDir) throws LauncherException, InterruptedException {
        Docker docker = Docker.connect();
        docker.sweepLeftovers();
        String image = options.image() != null ? options.image() : ImageRecipes.build("container");
        if (!docker.imageExists(image)) {
            throw new LauncherException("image " + image + " does not exist locally and cannot be pulled here");
        }
        Map<String, String> labels = Docker.labels(spec.runId());
        Footprint footprint = new Footprint(envDir);
        try (Cleanup cleanup = new Cleanup()) {
            footprint.put("image", image);
            footprint.put("imageBytes", docker.imageBytes(image));
            Network network = null;
            if (options.network().equals("bridge")) {
                network = Network.builder().driver("bridge")
                        .createNetworkCmdModifier(cmd -> cmd.withLabels(labels)).build();
                Network created = network;
                cleanup.add("network", whileEngineAnswers(docker, created::close));
            }
            String peerHost = options.network().equals("bridge") ? "peer" : "127.0.0.1";
            int peerPort = options.network().equals("bridge") ? PEER_PORT : freeLoopbackPort();

            GenericContainer<?> peer = container(spec, image, labels, network)
                    .withCommand(RUNTIME + "/bin/java", "-cp", JAR, EchoPeer.class.getName(), "--port",
                            String.valueOf(peerPort), "--bind", options.network().equals("bridge") ? "0.0.0.0" : "127.0.0.1")
                    .waitingFor(Wait.forLogMessage(".*" + EchoPeer.READY + ".*", 1).withStartupTimeout(Duration.ofMinutes(2)));
            if (network != null) {
                peer.withNetworkAliases(peerHost);
            }
            cleanup.add("peer container", whileEngineAnswers(docker, () -> stop(docker, peer)));
            Progress.say(name() + ": starting the echo peer container");
            peer.start();

            String benchDir = options.storage().equals("volume") ? BENCH_VOLUME : BENCH_OVERLAY;
            String volumeName = null;
            if (options.storage().equals("volume")) {
                volumeName = "isobench-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
                docker.client().createVolumeCmd().withName(volumeName).withLabels(labels).exec();
                String created = volumeName;
                cleanup.add("volume " + volumeName,
                        whileEngineAnswers(docker, () -> docker.client().removeVolumeCmd(created).exec()));
            }
            GenericContainer<?> bench = container(spec, image, labels, network).withCommand("sleep", "infinity");
            if (volumeName != null) {
                String mounted = volumeName;
                bench.withCreateContainerCmdModifier(cmd -> hostConfig(cmd).withBinds(new Bind(mounted, new Volume(BENCH_VOLUME))));
            }
            cleanup.add("benchmark container", whileEngineAnswers(docker, () -> stop(docker, bench)));
            String envInside = RESULTS + "/" + name();
            Files.createDirectories(envDir);
            ResultCopy results = new ResultCopy((file, target) -> {
                if (bench.getContainerId() != null) {
                    bench.copyFileFromContainer(envInside + "/" + file, target.toString());
                }
            }, envDir);
            cleanup.add("results of the benchmark container", results);
            Progress.say(name() + ": starting the benchmark container on " + image);
            bench.start();
            String id = bench.getContainerId();

            Thread.sleep(2000); // let the idle peer settle before its memory is read
            Network net = network;
            footprint.attempt("idle memory", () -> footprint.put("idleMemoryBytes", docker.memoryUsageBytes(peer.getContainerId())));
            footprint.attempt("start-to-ready time", () -> footprint.putSamples("startToReadyMillis",
                    new StartTimer(docker, image, labels, net, this::limits).measure()));
            footprint.attempt("JVM start time", () -> footprint.putSamples("jvmStartMillis", JvmStart.parse(docker.execCapture(id,
                    List.of("sh", "-c", JvmStart.script(RUNTIME + "/bin/java")), SHORT_EXEC_SECONDS).output())));

            mustSucceed(docker, id, List.of("mkdir", "-p", benchDir, envInside));
            SuiteCommand command = new SuiteCommand(RUNTIME + "/bin/java", JAR, envInside, benchDir, peerHost + ":" + peerPort);
            List<String> args = command.args(spec, new SuiteCommand.Identity(name(), "container", options.variant(), "none"));
            long budget = spec.budgetSeconds(RunBudget.NATIVE_SLOWDOWN);
            Progress.say(name() + ": running the suite (" + spec.profile().id() + ", at most " + budget + " s)");
            int rc;
            try (OutputStream log = Files.newOutputStream(results.streamedLog())) {
                rc = docker.exec(id, args, new TeeOutputStream(System.out, log), budget);
            } finally {
                results.run();
            }
            footprint.attempt("writable layer", () -> footprint.put("writableLayerBytes", docker.writableLayerBytes(id)));
            footprint.put("copiedInBytes", spec.runtime().sizeBytes() + Files.size(spec.benchmarksJar()));
            return rc;
        } catch (IOException e) {
            throw new LauncherException(name() + ": " + e.getMessage(), e);
        } catch (RuntimeException | LauncherException e) {
            if (!docker.answers()) {
                throw new LauncherException(name() + ": the Docker engine stopped answering during the run ("
                        + LauncherException.rootMessage(e) + "); what ran is in " + ResultLayout.jmhLog(envDir) + ", and this run's "
                        + "containers are removed by the next run", e);
            }
            if (e instanceof LauncherException launcher) {
                throw launcher;
            }
            throw new LauncherException(name() + ": the container run failed: " + LauncherException.rootMessage(e), e);
        }
    }

    /** A container of this run: the image, never pulled, with the runtime and the jar copied in. */
    private GenericContainer<?> container(RunSpec spec, String image, Map<String, String> labels, Network network) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withLabels(labels)
                .withCopyToContainer(MountableFile.forHostPath(spec.runtime().home()), RUNTIME)
                .withCopyToContainer(MountableFile.forHostPath(spec.benchmarksJar()), JAR)
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
        if (options.seccomp().equals("unconfined")) {
            host.withSecurityOpts(List.of("seccomp=unconfined"));
        }
        if (options.cpus() != null) {
            host.withNanoCPUs(Math.round(options.cpus() * 1e9));
        }
        if (options.memoryBytes() != null) {
            host.withMemory(options.memoryBytes());
        }
        if (options.cpuset() != null) {
            host.withCpusetCpus(options.cpuset());
        }
    }

    static HostConfig hostConfig(CreateContainerCmd cmd) {
        if (cmd.getHostConfig() == null) {
            cmd.withHostConfig(new HostConfig());
        }
        return cmd.getHostConfig();
    }

    private static void mustSucceed(Docker docker, String id, List<String> command) throws LauncherException, InterruptedException {
        Docker.ExecResult result = docker.execCapture(id, command, SHORT_EXEC_SECONDS);
        if (result.exitCode() != 0) {
            throw new LauncherException("'" + String.join(" ", command) + "' failed in the container: " + result.output().strip());
        }
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

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
