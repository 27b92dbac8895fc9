package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.Cleanup;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.InboundPeer;
import io.isobench.launcher.core.Instance;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.RunAs;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.SuiteCommand;
import io.isobench.launcher.core.WorkDir;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.Measurement;
import io.isobench.schema.ShippedImage;
import io.isobench.support.InboundService;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The suite under Charliecloud, as an HPC job runs it: every step is one {@code ch-run} of the directory image
 * ({@link CharliecloudImage}), unprivileged by default, with the host's network (no network namespace: the peer is the
 * host's EchoPeer on loopback, as for the host itself) and a private /tmp. The environment directory is bind-mounted,
 * so results land on the host as they are written; where the unprivileged user cannot reach it (a run directory under
 * /root), a directory of the instance's own is bound instead and the launcher copies the suite's files back after every
 * step. The file benchmarks write to a bind-mounted directory on the host's disk, beside the host's own.
 */
public final class CharliecloudEnvironment implements Environment {

    private final CharliecloudVariant variant;
    private final String image;

    /** @param image the container image to export (the recipe's when null) */
    public CharliecloudEnvironment(CharliecloudVariant variant, String image) {
        this.variant = variant;
        this.image = image;
    }

    @Override
    public String name() {
        return variant.name();
    }

    public CharliecloudVariant variant() {
        return variant;
    }

    /** The user that runs ch-run for {@code variant}: an unprivileged one, or root (which the plan has checked). */
    static RunAs user(CharliecloudVariant variant) throws LauncherException, InterruptedException {
        return variant.root() ? RunAs.self() : RunAs.unprivileged();
    }

    @Override
    public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException {
        ChProcesses.sweepOrphans();
        RunAs user = user(variant);
        CharliecloudImage prepared = CharliecloudImage.ensure(image, spec.runtime());
        Cleanup cleanup = new Cleanup();
        String tag = ChProcesses.newTag();
        try {
            WorkDir work = WorkDir.create("charliecloud", user, spec.benchmarksJar());
            cleanup.add("work directory " + work.dir(), work::close);
            Path results = work.resultsFor(envDir);
            cleanup.add("ch-run processes", () -> ChProcesses.kill(tag)); // first on close: nothing writes after it
            ChRun chRun = new ChRun(user, prepared.dir(), CharliecloudImage.binds(work.jar(), results, work.bench()), tag);

            ShippedImage shipped = prepared.sizes(spec.benchmarksJar());
            footprint.update(f -> f.image(prepared.dir().toString(), shipped.withJarBytes()).shipped(shipped));
            Progress.say(name() + ": ch-run as " + user.name() + " on " + prepared.dir() + " (from " + prepared.dockerImage()
                    + ")");
            PeerProcess idle = PeerProcess.start(chRun.command(
                    PeerProcess.command(CharliecloudImage.JAVA, CharliecloudImage.JAR, "127.0.0.1")));
            try {
                Thread.sleep(1000); // let the idle peer settle before its memory is read
                footprint.attempt("idle memory", () -> {
                    long rss = Processes.rssBytes(idle.pid());
                    footprint.update(f -> f.idleMemoryBytes(rss));
                });
            } finally {
                idle.close();
            }
            footprint.attempt("start-to-ready time", () -> {
                Measurement ready = Measurement.of(startToReady(chRun));
                footprint.update(f -> f.startToReadyMillis(ready));
            });
            PeerProcess peer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), "127.0.0.1");
            cleanup.add("echo peer on the host", peer::close);
            SuiteCommand suite = new SuiteCommand(CharliecloudImage.JAVA, CharliecloudImage.JAR, CharliecloudImage.RESULTS,
                    CharliecloudImage.BENCH, "127.0.0.1:" + peer.port(), "loopback");
            return new CharliecloudInstance(chRun, suite, new SuiteCommand.Identity(name(), CharliecloudVariant.KIND,
                    variant.toString(), "none"), results, runtimeFacts(), cleanup, new AtomicReference<>());
        } catch (IOException | RuntimeException | LauncherException | InterruptedException e) {
            cleanup.close();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new LauncherException(name() + ": ch-run did not start: " + LauncherException.rootMessage(e), e);
        }
    }

    /**
     * From calling ch-run to {@code true} in the image returning: what a container's first exec measures. One unrecorded
     * start warms the caches, then {@link FootprintWriter#SAMPLES} are kept.
     */
    private static List<Double> startToReady(ChRun chRun) throws LauncherException, InterruptedException {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i <= FootprintWriter.SAMPLES; i++) {
            long start = System.nanoTime();
            Processes.Result result = Processes.run(chRun.command(List.of("true")), 60);
            if (result.exitCode() != 0) {
                throw new LauncherException("ch-run ... true exited " + result.exitCode() + ": " + result.output().strip());
            }
            if (i > 0) {
                samples.add(FootprintWriter.millisSince(start));
            }
        }
        return samples;
    }

    /** ch-run as environment.json records the runtime: its path and version. */
    private static ContainerRuntime runtimeFacts() throws InterruptedException {
        String path = CharliecloudKind.chRunPath();
        String version;
        try {
            version = Processes.run(List.of("env", "USER=isobench", path, "--version"), 30).output().strip();
        } catch (LauncherException e) {
            version = "unknown (" + e.getMessage() + ")";
        }
        return new ContainerRuntime("ch-run", CharliecloudVariant.KIND, path, version, null, null);
    }

    /** One Charliecloud instance: each command is a ch-run; closing ends whatever carries its tag. */
    private record CharliecloudInstance(ChRun chRun, SuiteCommand suite, SuiteCommand.Identity identity, Path resultsOnHost,
                                        ContainerRuntime runtime, Cleanup cleanup, AtomicReference<Process> running)
            implements Instance {

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
            return Processes.stream(chRun.command(command), sink, timeoutSeconds, running);
        }

        /** An EchoPeer under ch-run on a free port of the host's loopback, which is also the instance's. */
        @Override
        public InboundPeer startInboundPeer(InboundService service) throws LauncherException, InterruptedException {
            return InboundPeer.onLoopback(this, "loopback", service);
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
