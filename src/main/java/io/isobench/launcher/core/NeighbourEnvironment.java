package io.isobench.launcher.core;

import io.isobench.load.LoadControl;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.io.OutputStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An environment with neighbours: the wrapped environment started as it always is, plus K sibling instances of the
 * same kind ({@link Instance#startNeighbour}), each running isobench's load generator idle. Around each of this
 * environment's steps, and only those, the siblings load the machine: the load starts right before the step and has
 * stopped (acknowledged by every sibling) right after it, so that the same kind alone, measured in the same rounds,
 * never sees it. A burst ends by itself after the step's own time limit. Closing stops and removes every sibling and
 * its control directory, also from the run's cleanup on Ctrl-C.
 */
public final class NeighbourEnvironment implements Environment {

    /** How long a sibling may take from its start to its generator waiting (a JVM start, a container's copy-in). */
    static final long READY_MILLIS = 120_000;
    /** How long a burst may take to start or to stop in every sibling: a few polls, unless a sibling is stuck. */
    static final long SWITCH_MILLIS = 30_000;

    private final Environment alone;
    private final NeighbourSpec neighbours;
    private final long readyMillis;

    public NeighbourEnvironment(Environment alone, NeighbourSpec neighbours) {
        this(alone, neighbours, READY_MILLIS);
    }

    NeighbourEnvironment(Environment alone, NeighbourSpec neighbours, long readyMillis) {
        this.alone = alone;
        this.neighbours = neighbours;
        this.readyMillis = readyMillis;
    }

    @Override
    public String name() {
        return neighbours.twinName(alone.name());
    }

    @Override
    public void preflight() throws LauncherException {
        alone.preflight();
    }

    @Override
    public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException {
        Instance primary = alone.start(spec, envDir, footprint);
        Cleanup cleanup = new Cleanup();
        List<Sibling> siblings = new ArrayList<>();
        try {
            for (int index = 1; index <= neighbours.count(); index++) {
                siblings.add(Sibling.start(primary, index, neighbours, cleanup, readyMillis));
            }
        } catch (LauncherException | InterruptedException | RuntimeException e) {
            cleanup.close();
            primary.close();
            throw e;
        }
        Integer threads = siblings.get(0).threads();
        Progress.say(name() + ": " + neighbours.count() + " neighbour" + (neighbours.count() == 1 ? "" : "s") + " of "
                + alone.name() + " ready (" + neighbours.load().id() + " load" + (threads == null ? "" : ", " + threads
                + (threads == 1 ? " thread" : " threads") + " each") + "), loading only during this environment's steps");
        SuiteCommand.Identity identity = primary.identity();
        return new Loaded(primary, new SuiteCommand.Identity(name(), identity.kind(), identity.variant(), identity.accel()),
                neighbours, alone.name(), siblings, cleanup);
    }

    /** One sibling: its instance and the control directory its generator watches. */
    record Sibling(int index, LoadControl control, Instance.Neighbour instance) {

        static Sibling start(Instance primary, int index, NeighbourSpec neighbours, Cleanup cleanup, long readyMillis)
                throws LauncherException, InterruptedException {
            Path dir;
            try {
                dir = Files.createTempDirectory("isobench-load-");
            } catch (IOException e) {
                throw new LauncherException("cannot make a control directory for neighbour " + index + ": " + e.getMessage(), e);
            }
            LoadControl control = new LoadControl(dir);
            cleanup.add("control directory " + dir, () -> deleteTree(dir));
            Instance.Neighbour instance = primary.startNeighbour(index, neighbours, dir);
            Sibling sibling = new Sibling(index, control, instance);
            cleanup.add("neighbour " + index, sibling::stop);
            if (!control.await(LoadControl.READY, true, readyMillis)) {
                throw new LauncherException("neighbour " + index + "'s load generator did not get ready within "
                        + readyMillis + " ms" + sibling.output());
            }
            return sibling;
        }

        /** The generator's thread count, from its ready file. */
        Integer threads() {
            try {
                String text = GuestFiles.readAnswer(control.dir().resolve(LoadControl.READY)).strip();
                return text.matches("[0-9]{1,4}") ? Integer.valueOf(text) : null;
            } catch (IOException e) {
                return null;
            }
        }

        /** Asks the generator to end (it deletes its files), gives it a moment, then removes the instance. */
        void stop() throws InterruptedException {
            try {
                control.exit();
                control.await(LoadControl.READY, false, 10_000);
            } catch (IOException e) {
                // The directory is gone: the instance is removed below anyway.
            }
            instance.close();
        }

        /** What the generator printed, when the instance keeps it in the control directory. */
        String output() {
            Path log = control.dir().resolve(LOG);
            try {
                String text = UntrustedFile.present(log) ? tail(UntrustedFile.readString(log, 1L << 20)) : "";
                return text.isEmpty() ? "" : ": " + text.replaceAll("\\s*\\R\\s*", "; ");
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** The end of a generator's output, enough to say why it failed. */
    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() > 2000 ? "..." + stripped.substring(stripped.length() - 2000) : stripped;
    }

    /** Where a host sibling's output goes, inside its control directory. */
    public static final String LOG = "generator.log";

    /** The wrapped environment's instance with its siblings; a step runs under their load. */
    static final class Loaded implements Instance {

        private final Instance primary;
        private final SuiteCommand.Identity identity;
        private final NeighbourSpec neighbours;
        private final String alone;
        private final List<Sibling> siblings;
        private final Cleanup cleanup;
        private final Integer threadsEach;
        private volatile long bursts;
        private volatile double loadedSeconds;

        Loaded(Instance primary, SuiteCommand.Identity identity, NeighbourSpec neighbours, String alone,
               List<Sibling> siblings, Cleanup cleanup) {
            this.primary = primary;
            this.identity = identity;
            this.neighbours = neighbours;
            this.alone = alone;
            this.siblings = List.copyOf(siblings);
            this.cleanup = cleanup;
            this.threadsEach = siblings.isEmpty() ? null : siblings.get(0).threads();
        }

        @Override
        public SuiteCommand suite() {
            return primary.suite();
        }

        @Override
        public SuiteCommand.Identity identity() {
            return identity;
        }

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
            return primary.exec(command, sink, timeoutSeconds);
        }

        @Override
        public java.util.Optional<StepServer> ownServer() {
            return primary.ownServer();
        }

        /** A step of the environment's own server, under load. */
        @Override
        public int runStep(List<String> step, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
            return duringStep(timeoutSeconds, () -> primary.runStep(step, sink, timeoutSeconds));
        }

        /** The step under load: every sibling loads before it starts and has stopped when it returns. */
        @Override
        public int duringStep(long timeoutSeconds, StepBody body) throws LauncherException, InterruptedException {
            long start = System.nanoTime();
            try {
                for (Sibling sibling : siblings) {
                    sibling.control().run(timeoutSeconds);
                }
                for (Sibling sibling : siblings) {
                    if (!sibling.control().await(LoadControl.LOADING, true, SWITCH_MILLIS)) {
                        throw new LauncherException("neighbour " + sibling.index() + " did not start its load within "
                                + SWITCH_MILLIS / 1000 + " s");
                    }
                }
                bursts++;
                return primary.duringStep(timeoutSeconds, body);
            } catch (IOException e) {
                throw new LauncherException("cannot start the neighbours' load: " + e.getMessage(), e);
            } finally {
                stopLoad();
                loadedSeconds += (System.nanoTime() - start) / 1e9;
            }
        }

        private void stopLoad() throws LauncherException, InterruptedException {
            for (Sibling sibling : siblings) {
                try {
                    sibling.control().stop();
                } catch (IOException e) {
                    throw new LauncherException("cannot stop neighbour " + sibling.index() + "'s load: " + e.getMessage(), e);
                }
            }
            for (Sibling sibling : siblings) {
                if (!sibling.control().await(LoadControl.LOADING, false, SWITCH_MILLIS)) {
                    throw new LauncherException("neighbour " + sibling.index() + " did not stop its load within "
                            + SWITCH_MILLIS / 1000 + " s");
                }
            }
        }

        @Override
        public java.util.Optional<InboundPeer.Route> inboundRoute() {
            return primary.inboundRoute();
        }

        @Override
        public InboundPeer startInboundPeer(io.isobench.support.InboundService service)
                throws LauncherException, InterruptedException {
            return primary.startInboundPeer(service);
        }

        @Override
        public double slowdown() {
            return primary.slowdown();
        }

        @Override
        public boolean emulated() {
            return primary.emulated();
        }

        @Override
        public Path resultsOnHost() {
            return primary.resultsOnHost();
        }

        @Override
        public ContainerRuntime runtime() {
            return primary.runtime();
        }

        @Override
        public void afterSuite(FootprintWriter footprint) throws InterruptedException {
            primary.afterSuite(footprint);
        }

        @Override
        public io.isobench.schema.Neighbours neighbours() {
            return new io.isobench.schema.Neighbours(neighbours.count(), neighbours.load().id(), alone,
                    threadsEach, bursts, Math.round(loadedSeconds * 1000) / 1000.0);
        }

        /** The siblings first (their load must not outlive the environment), then the environment. */
        @Override
        public void close() {
            cleanup.close();
            primary.close();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
