package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.Cleanup;
import io.isobench.launcher.core.DiskUsage;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.InboundPeer;
import io.isobench.launcher.core.Instance;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.NeighbourEnvironment;
import io.isobench.launcher.core.NeighbourSpec;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.StepServer;
import io.isobench.launcher.core.SuiteCommand;
import io.isobench.launcher.core.Workspace;
import io.isobench.network.EchoPeer;
import io.isobench.schema.Measurement;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.ShippedImage;
import io.isobench.suite.JsonFiles;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite in a QEMU virtual machine, booted from the image as a Java service would ship it (the runtime and the jar
 * in layers on the base disk, see {@link VmImage#withRuntime}). Boot times come from three short boots and idle memory
 * from a boot that runs only an idle EchoPeer, each on a fresh overlay; then the VM boots once for the whole run: its
 * {@code run.sh} (the image's init contract, see vm-images/README.md) keeps the suite server up, which runs each step
 * ({@code steps/N.step}) or command ({@code steps/N.sh}) that the launcher drops into the share, its output in
 * {@code N.out} and its exit code in {@code N.rc}, until it finds {@code steps/stop}. Results come back through the
 * share.
 */
public final class VmEnvironment implements Environment {

    /** Where the runtime and the jar are on the guest's disk, and where the file benchmarks write. */
    private static final String OPT = VmImage.OPT;
    private static final String BENCH_DIR = "/var/tmp/isobench";
    private static final String SHARE = "/share";
    private static final String JVM_READY = "ISOBENCH-JVM-READY";
    private static final String STEPS_READY = "ISOBENCH-STEPS-READY";
    private static final int BOOT_SAMPLES = 3;
    private static final int IDLE_PEER_PORT = 7000;
    /** A VM's work directory (overlays, the share) is {@code work-vm-<launcher pid>-<random>} under the cache. */
    public static final String WORK_PREFIX = "work-vm-";

    private final VmOptions options;
    private final String accel;
    /** tap or user, decided before the run so that the name says it. */
    private final String network;

    public VmEnvironment(VmOptions options) {
        this.options = options.validate();
        this.accel = options.resolvedAccel();
        this.network = options.resolvedNetwork();
    }

    @Override
    public String name() {
        return name(accel, network);
    }

    @Override
    public double expectedSlowdown() {
        return Accel.slowdown(accel);
    }

    @Override
    public boolean expectsEmulation() {
        return accel.equals("tcg");
    }

    /**
     * {@code vm-kvm}, {@code vm-tcg}: the guest's NIC on a tap device (the default, as production VMs are networked);
     * {@code vm-kvm-user}, {@code vm-tcg-user}: QEMU's user-mode network. Whether vhost-net moved the tap's data path
     * into the kernel is in the variant ({@code tap-vhost} or {@code tap}).
     */
    public static String name(String accel, String network) {
        return "vm-" + accel + (network.equals("user") ? "-user" : "");
    }

    @Override
    public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException {
        if (accel.equals("tcg")) {
            Progress.warn("no KVM here (" + Accel.kvmProblem().orElse("--accel tcg") + "): QEMU EMULATES the CPU (TCG). "
                    + "These results are emulation, many times slower than KVM, and say nothing about KVM overhead; "
                    + "they are labelled vm-tcg / accel: tcg.");
        }
        VmImage base = VmImage.ensure();
        long bootTimeout = accel.equals("kvm") ? 60 : 180;
        Cleanup cleanup = new Cleanup();
        try {
            Files.createDirectories(envDir);
            Path console = ResultLayout.consoleLog(envDir);
            Files.deleteIfExists(console);
            // On disk under the cache, not in /tmp (tmpfs on many systems): the overlay is opened with O_DIRECT.
            Files.createDirectories(Workspace.cacheDir());
            sweepStaleWorkDirs(Workspace.cacheDir());
            Path work = Files.createTempDirectory(Workspace.cacheDir(), WORK_PREFIX + ProcessHandle.current().pid() + "-");
            cleanup.add("VM work directory " + work, () -> BenchDir.deleteRecursively(work));
            Path share = Files.createDirectory(work.resolve("share"));
            VmNetwork network = VmNetwork.open(this.network);
            cleanup.add("the VM's network " + network.describe(), network::close);
            VmImage withRuntime = base.withRuntime(spec.runtime());
            VmImage image = withRuntime.withJar(spec.benchmarksJar(), work);

            long diskBytes = DiskUsage.diskUsageBytes(base.disk());
            long kernelInitrdBytes = DiskUsage.diskUsageBytes(image.kernel()) + DiskUsage.diskUsageBytes(image.initrd());
            long runtimeBytes = diskBytes + DiskUsage.diskUsageBytes(withRuntime.disk());
            ShippedImage shipped = ShippedImage.of(diskBytes, runtimeBytes, runtimeBytes + DiskUsage.diskUsageBytes(image.disk()));
            footprint.update(f -> f.vm(accel, network.describe(), diskBytes, kernelInitrdBytes).shipped(shipped));
            footprint.attempt("compressed image size", () -> {
                long compressed = image.compressedBytes(work);
                footprint.update(f -> f.shipped(shipped.withCompressed(compressed, VmImage.COMPRESSION)));
            });

            List<Double> toInit = new ArrayList<>();
            List<Double> toJvm = new ArrayList<>();
            for (int i = 1; i <= BOOT_SAMPLES; i++) {
                Progress.say(name() + ": boot " + i + "/" + BOOT_SAMPLES + " (boot time)");
                writeRunScript(share, OPT + "/runtime/bin/java -version >/dev/null 2>&1 && echo " + JVM_READY);
                header(console, "boot " + i + "/" + BOOT_SAMPLES + ": boot and JVM start times");
                try (Guest guest = Guest.boot(image, options, accel, network, work, share, console, false, List.of(JVM_READY))) {
                    toInit.add(required(guest, Guest.INIT, bootTimeout));
                    toJvm.add(required(guest, JVM_READY, bootTimeout));
                    finish(guest, bootTimeout);
                }
            }
            footprint.update(f -> f.boot(Measurement.of(toInit), Measurement.of(toJvm)));

            Progress.say(name() + ": boot for idle memory (an idle EchoPeer in the guest)");
            writeRunScript(share, "exec " + OPT + "/runtime/bin/java -cp " + OPT + "/benchmarks.jar "
                    + EchoPeer.class.getName() + " --port " + IDLE_PEER_PORT + " --bind 127.0.0.1");
            header(console, "idle boot: memory of QEMU while the guest runs an idle EchoPeer");
            footprint.attempt("idle memory", () -> {
                try (Guest guest = Guest.boot(image, options, accel, network, work, share, console, false, List.of(EchoPeer.READY))) {
                    required(guest, EchoPeer.READY, bootTimeout * 2);
                    Thread.sleep(3000);
                    long idle = Processes.rssBytes(guest.pid());
                    footprint.update(f -> f.idleMemoryBytes(idle));
                    long layer = DiskUsage.diskUsageBytes(guest.overlay());
                    footprint.update(f -> f.idleLayerBytes(layer));
                }
            });

            PeerProcess peer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), network.peerBind());
            cleanup.add("echo peer", peer::close);
            String envInside = SHARE + "/results/" + name();
            SuiteCommand suite = new SuiteCommand(OPT + "/runtime/bin/java", OPT + "/benchmarks.jar", envInside, BENCH_DIR,
                    network.hostAddress() + ":" + peer.port(), network.peerPath());
            Path steps = Files.createDirectory(share.resolve("steps"));
            writeRunScript(share, stepLoop(suite));
            Progress.say(name() + ": booting the VM for the run");
            header(console, "run boot: the guest runs the launcher's steps");
            Guest guest = Guest.boot(image, options, accel, network, work, share, console, false, List.of(STEPS_READY));
            cleanup.add("QEMU", guest::close);
            required(guest, STEPS_READY, bootTimeout * 2);
            Instance.Siblings siblings = (index, neighbours, control) -> neighbour(image, work, envDir, index, neighbours, control);
            return new VmInstance(guest, steps, suite, new SuiteCommand.Identity(name(), "vm",
                    options.variant(accel, network.describe()), accel), share.resolve("results").resolve(name()),
                    Accel.slowdown(accel), console, network.inboundRoute(), cleanup, siblings);
        } catch (IOException | RuntimeException | LauncherException | InterruptedException e) {
            cleanup.close();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e instanceof LauncherException launcher) {
                throw launcher;
            }
            throw new LauncherException(name() + ": " + LauncherException.rootMessage(e), e);
        }
    }

    /**
     * A neighbour VM: the run's image (runtime and jar on its disk) with the same options and accelerator, its own
     * overlay and a user-mode network of its own, and the control directory on the host as its 9p share. Its run.sh
     * runs the load generator on that directory, with the io load's files on the guest's disk (as the suite's are) and
     * the generator's output in {@link NeighbourEnvironment#LOG}; its console goes to
     * {@code <env>/neighbour-N.console.log}. The generator looks at the share every {@link #SIBLING_POLL_MILLIS} ms,
     * since under TCG each look is an emulated 9p round trip that an idle sibling would otherwise spend a CPU on.
     */
    private Instance.Neighbour neighbour(VmImage image, Path work, Path envDir, int index, NeighbourSpec neighbours,
                                         Path control) throws LauncherException, InterruptedException {
        List<String> command = neighbours.command(OPT + "/runtime/bin/java", OPT + "/benchmarks.jar", SHARE, BENCH_DIR);
        command.addAll(List.of("--poll-millis", String.valueOf(SIBLING_POLL_MILLIS)));
        try {
            writeRunScript(control, "mkdir -p " + BENCH_DIR + "\nexec " + SuiteCommand.shellQuote(command) + " >"
                    + SHARE + "/" + NeighbourEnvironment.LOG + " 2>&1");
        } catch (IOException e) {
            throw new LauncherException(name() + ": cannot write neighbour VM " + index + "'s run.sh: " + e.getMessage(), e);
        }
        VmNetwork network = VmNetwork.open("user");
        Path console = envDir.resolve("neighbour-" + index + ".console.log");
        Progress.say(name() + ": booting neighbour VM " + index + " (" + neighbours.load().id() + " load; console: "
                + console + ")");
        Guest guest;
        try {
            guest = Guest.boot(image, options, accel, network, work, control, console, false, List.of());
        } catch (LauncherException e) {
            stop(null, network);
            throw e;
        }
        return () -> stop(guest, network);
    }

    /** How often a neighbour VM's load generator looks at its control directory. */
    static final long SIBLING_POLL_MILLIS = 100;

    /** Ends QEMU (removing its overlay), if booted, and then its network, with a warning instead of an exception. */
    static void stop(Guest guest, VmNetwork network) {
        if (guest != null) {
            guest.close();
        }
        try {
            network.close();
        } catch (LauncherException e) {
            Progress.warn("the VM's network: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the work directories of launchers that are no longer running (killed before their cleanup ran). */
    static void sweepStaleWorkDirs(Path cache) {
        try (Stream<Path> dirs = Files.list(cache)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(WORK_PREFIX) || !Files.isDirectory(dir)) {
                    continue;
                }
                String[] parts = name.substring(WORK_PREFIX.length()).split("-", 2);
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    alive = false; // an older launcher's directory, without a pid
                }
                if (!alive) {
                    Progress.say("removing " + dir + ", left by a launcher that is no longer running");
                    BenchDir.deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            Progress.warn("cannot look for stale VM work directories in " + cache + ": " + e.getMessage());
        }
    }

    /**
     * The guest's run.sh for the run: make the benchmarks' directory, say ready, then keep the suite server
     * ({@link io.isobench.suite.SuiteServer}) up on the share's {@code steps/} until {@code steps/stop}: one JVM for
     * the run's steps instead of one per step (a JVM start costs about 12 s under TCG). A server that ended because
     * a step would not return is started again and goes on with the next file.
     */
    static String stepLoop(SuiteCommand suite) {
        String steps = SHARE + "/steps";
        return String.join("\n",
                "set -e",
                "mkdir -p " + BENCH_DIR,
                "set +e",
                "echo " + STEPS_READY,
                "while [ ! -f " + steps + "/stop ]; do",
                "  " + SuiteCommand.shellQuote(suite.server(steps)) + " </dev/null",
                "done");
    }

    /** The VM booted for the run: commands are files in the share, the guest's loop runs them in turn. */
    private static final class VmInstance implements Instance {

        private final Guest guest;
        private final SuiteCommand suite;
        private final SuiteCommand.Identity identity;
        private final Path resultsOnHost;
        private final double slowdown;
        private final Path console;
        private final InboundPeer.Route inbound;
        private final Cleanup cleanup;
        private final Siblings siblings;
        private final StepServer server;

        VmInstance(Guest guest, Path steps, SuiteCommand suite, SuiteCommand.Identity identity, Path resultsOnHost,
                   double slowdown, Path console, InboundPeer.Route inbound, Cleanup cleanup, Siblings siblings) {
            this.siblings = siblings;
            this.inbound = inbound;
            this.guest = guest;
            this.suite = suite;
            this.identity = identity;
            this.resultsOnHost = resultsOnHost;
            this.slowdown = slowdown;
            this.console = console;
            this.cleanup = cleanup;
            this.server = StepServer.attach(steps, () -> {
                if (!guest.alive()) {
                    throw new LauncherException("the guest stopped (" + guest.lastWords() + "); see " + console);
                }
            }, "the guest");
        }

        @Override
        public SuiteCommand suite() {
            return suite;
        }

        @Override
        public SuiteCommand.Identity identity() {
            return identity;
        }

        @Override
        public Path resultsOnHost() {
            return resultsOnHost;
        }

        @Override
        public double slowdown() {
            return slowdown;
        }

        @Override
        public boolean emulated() {
            return identity.accel().equals("tcg");
        }

        @Override
        public java.util.Optional<InboundPeer.Route> inboundRoute() {
            return java.util.Optional.of(inbound);
        }

        @Override
        public Neighbour startNeighbour(int index, NeighbourSpec neighbours, Path control)
                throws LauncherException, InterruptedException {
            return siblings.start(index, neighbours, control);
        }

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds)
                throws LauncherException, InterruptedException {
            return server.exec(command, sink, timeoutSeconds);
        }

        /** The guest's own suite server, started by its run.sh: every command of the run goes to it as a file. */
        @Override
        public java.util.Optional<StepServer> ownServer() {
            return java.util.Optional.of(server);
        }

        /** A step goes to the guest's suite server as a request ({@code N.step}), run in its JVM. */
        @Override
        public int runStep(List<String> step, OutputStream sink, long timeoutSeconds)
                throws LauncherException, InterruptedException {
            return duringStep(timeoutSeconds, () -> server.runStep(step, sink, timeoutSeconds));
        }

        @Override
        public void afterSuite(FootprintWriter footprint) throws InterruptedException {
            footprint.attempt("overlay size", () -> {
                long overlay = DiskUsage.diskUsageBytes(guest.overlay());
                footprint.update(f -> f.overlayBytes(overlay));
            });
        }

        @Override
        public void close() {
            try {
                server.stop();
                if (!guest.awaitExit(30)) {
                    Progress.warn(identity.name() + ": the guest did not power off within 30 s; QEMU is stopped");
                }
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                cleanup.close();
            }
        }
    }

    private static double required(Guest guest, String marker, long timeoutSeconds) throws LauncherException, InterruptedException {
        double millis = guest.awaitMarker(marker, timeoutSeconds);
        if (millis < 0) {
            throw new LauncherException(guest.failure(marker, timeoutSeconds));
        }
        return millis;
    }

    private static void finish(Guest guest, long timeoutSeconds) throws LauncherException, InterruptedException {
        if (!guest.awaitExit(timeoutSeconds)) {
            throw new LauncherException("the guest did not power off within " + timeoutSeconds + " s; see console.log");
        }
    }

    /** Writes run.sh into a share a guest may have written before: a new file renamed into place, no link followed. */
    private static void writeRunScript(Path share, String body) throws IOException {
        JsonFiles.writeAtomically(share.resolve("run.sh"), "#!/bin/sh\n" + body + "\n");
    }

    private static void header(Path console, String title) throws IOException {
        Files.writeString(console, "=== isobench: " + title + " ===\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
