package io.isobench.launcher.kind.podman;

import io.isobench.launcher.core.Cleanup;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.ImageRecipes;
import io.isobench.launcher.core.InboundPeer;
import io.isobench.launcher.core.Instance;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.SuiteCommand;
import io.isobench.launcher.core.WorkDir;
import io.isobench.launcher.kind.container.ContainerImages;
import io.isobench.launcher.kind.container.Docker;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.Measurement;
import io.isobench.support.InboundService;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The suite in a Podman container of the container kind's image with the runtime baked in (loaded from the Docker
 * engine), the jar bound in read-only, on the host's network (the peer is the host's EchoPeer on loopback, as for
 * Docker's {@code host} variant), the file benchmarks in the container's overlay as in Docker's default variant, and
 * the environment directory bind-mounted. One container stays up for the run; every step is a {@code podman exec}.
 * Every container gets this machine's rlimits ({@link Podman#ulimits}), without which none starts here.
 */
public final class PodmanEnvironment implements Environment {

    static final String JAVA = ContainerImages.OPT + "/runtime/bin/java";
    static final String JAR = ContainerImages.OPT + "/benchmarks.jar";
    private static final String RESULTS = "/results";
    private static final String BENCH = "/var/tmp/isobench";
    /** The label of every container isobench makes with podman: the launcher's pid and a counter. */
    static final String LABEL = "io.isobench.podman";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PodmanVariant variant;

    public PodmanEnvironment(PodmanVariant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant.name();
    }

    public PodmanVariant variant() {
        return variant;
    }

    /** A new label value for the containers of one instance. */
    static String newTag() {
        return ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** The podman of {@code variant}: the launcher's (rootful where it is root), or an unprivileged user's. */
    static Podman podman(PodmanVariant variant) throws LauncherException, InterruptedException {
        return variant.rootless() ? Podman.rootless() : Podman.asLauncher();
    }

    /** The recipe's container image with {@code runtime} baked in, in {@code podman}'s storage. */
    static String image(Podman podman, io.isobench.launcher.core.JvmRuntime runtime)
            throws LauncherException, InterruptedException {
        Docker docker = Docker.connect();
        String base = ImageRecipes.build("container");
        return podman.image(docker, ContainerImages.withRuntime(docker, base, runtime));
    }

    /** What every container of an instance gets: the runtime, the host's network, the rlimits, its label, the jar. */
    static List<String> options(PodmanVariant variant, String tag, Path jar) throws LauncherException {
        List<String> options = new ArrayList<>(List.of("--runtime", variant.runtime(), "--network", "host",
                "--label", LABEL + "=" + tag));
        options.addAll(Podman.ulimits());
        options.addAll(List.of("-v", jar + ":" + JAR + ":ro"));
        return options;
    }

    @Override
    public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException {
        Podman podman = podman(variant);
        String image = image(podman, spec.runtime());
        String tag = newTag();
        Cleanup cleanup = new Cleanup();
        try {
            WorkDir work = WorkDir.create("podman", podman.user(), spec.benchmarksJar());
            cleanup.add("work directory " + work.dir(), work::close);
            Path results = work.resultsFor(envDir);
            cleanup.add("podman containers", () -> {
                podman.removeLabelled(LABEL + "=" + tag);
                podman.endRootlessSession();
            });
            List<String> options = options(variant, tag, work.jar());
            long imageBytes = imageBytes(podman, image);
            footprint.update(f -> f.image(image, imageBytes));

            Progress.say(name() + ": starting an idle echo peer container (for the footprint)");
            String idleName = "isobench-idle-" + tag;
            PeerProcess idle = podman.peer(idleName, options, image, JAVA, JAR);
            try {
                Thread.sleep(2000); // let the idle peer settle before its memory is read
                footprint.attempt("idle memory", () -> {
                    long rss = Processes.rssBytes(podman.pid(idleName, "Pid"));
                    footprint.update(f -> f.idleMemoryBytes(rss));
                });
                footprint.attempt("host processes' memory", () -> {
                    long pss = Processes.pssBytes(podman.pid(idleName, "ConmonPid"));
                    footprint.update(f -> f.hostProcessesPssBytes(pss));
                });
            } finally {
                idle.close();
                podman.remove(idleName);
            }
            footprint.attempt("start-to-ready time", () -> {
                Measurement ready = Measurement.of(startToReady(podman, options, image));
                footprint.update(f -> f.startToReadyMillis(ready));
            });

            List<String> bench = new ArrayList<>(options);
            bench.addAll(List.of("-v", results + ":" + RESULTS));
            Progress.say(name() + ": starting the benchmark container on " + image + " as " + podman.user().name());
            String id = podman.runDetached(bench, image, List.of("sleep", "infinity"));
            PeerProcess peer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), "127.0.0.1");
            cleanup.add("echo peer on the host", peer::close);
            SuiteCommand suite = new SuiteCommand(JAVA, JAR, RESULTS, BENCH, "127.0.0.1:" + peer.port(),
                    "host-network-loopback");
            return new PodmanInstance(podman, id, suite, new SuiteCommand.Identity(name(), PodmanVariant.KIND,
                    variant.toString(), "none"), results, runtimeFacts(variant), cleanup, new AtomicReference<>());
        } catch (IOException | RuntimeException | LauncherException | InterruptedException e) {
            cleanup.close();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new LauncherException(name() + ": the container did not start: " + LauncherException.rootMessage(e), e);
        }
    }

    private static long imageBytes(Podman podman, String image) throws LauncherException, InterruptedException {
        String size = podman.check(List.of("image", "inspect", "--format", "{{.Size}}", image), 60);
        return size.matches("\\d+") ? Long.parseLong(size) : 0;
    }

    /**
     * Create, start, and the first exec returning, as the Docker container's start-to-ready time: one unrecorded start
     * warms the caches, then {@link FootprintWriter#SAMPLES} are kept.
     */
    private static List<Double> startToReady(Podman podman, List<String> options, String image)
            throws LauncherException, InterruptedException {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i <= FootprintWriter.SAMPLES; i++) {
            long start = System.nanoTime();
            String id = podman.runDetached(options, image, List.of("sleep", "infinity"));
            try {
                podman.check(List.of("exec", id, "true"), 60);
                if (i > 0) {
                    samples.add(FootprintWriter.millisSince(start));
                }
            } finally {
                podman.remove(id);
            }
        }
        return samples;
    }

    /** The OCI runtime as environment.json records it: podman's name for it, its path and version. */
    private static ContainerRuntime runtimeFacts(PodmanVariant variant) throws InterruptedException {
        String path = PodmanKind.onPath(variant.runtime());
        String version;
        try {
            version = Processes.run(List.of(path, "--version"), 30).output().lines().findFirst().orElse("unknown").strip();
        } catch (LauncherException e) {
            version = "unknown (" + e.getMessage() + ")";
        }
        return new ContainerRuntime(variant.runtime(), "podman " + variant.runtime(), path, version, null, null);
    }

    /** The benchmark container: commands are podman execs, files are in the bind-mounted results directory. */
    private record PodmanInstance(Podman podman, String id, SuiteCommand suite, SuiteCommand.Identity identity,
                                  Path resultsOnHost, ContainerRuntime runtime, Cleanup cleanup,
                                  AtomicReference<Process> running) implements Instance {

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
            List<String> args = new ArrayList<>(List.of("exec", id));
            args.addAll(command);
            return Processes.stream(podman.command(args), sink, timeoutSeconds, running);
        }

        /** An EchoPeer in the container on a free port of the host's loopback (the container's: host network). */
        @Override
        public InboundPeer startInboundPeer(InboundService service) throws LauncherException, InterruptedException {
            return InboundPeer.onLoopback(this, "host-network-loopback", service);
        }

        @Override
        public void close() {
            Process step = running.getAndSet(null);
            if (step != null) {
                Processes.destroy(step);
            }
            cleanup.close();
        }
    }
}
