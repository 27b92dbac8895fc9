package io.isobench.launcher.vm;

import io.isobench.launcher.Cleanup;
import io.isobench.launcher.Environment;
import io.isobench.launcher.Footprint;
import io.isobench.launcher.ImageRecipes;
import io.isobench.launcher.JvmStart;
import io.isobench.launcher.LauncherException;
import io.isobench.launcher.PeerProcess;
import io.isobench.launcher.Processes;
import io.isobench.launcher.Progress;
import io.isobench.launcher.ResultCopy;
import io.isobench.launcher.RunOptions;
import io.isobench.launcher.RunSpec;
import io.isobench.launcher.Sizes;
import io.isobench.launcher.SuiteCommand;
import io.isobench.network.EchoPeer;
import io.isobench.suite.ResultLayout;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite in a QEMU virtual machine. Every boot gets a fresh overlay on the read-only base and a share (virtio-9p)
 * holding the runtime, the jar and a {@code run.sh} that the guest's init runs; results come back through the share.
 * Boot times come from three short boots, idle memory from a boot that runs only an idle EchoPeer.
 */
public final class VmEnvironment implements Environment {

    /** Where the guest keeps its copy of the runtime and the jar, and where the file benchmarks write. */
    private static final String OPT = "/opt/isobench";
    private static final String BENCH_DIR = "/var/tmp/isobench";
    private static final String SHARE = "/share";
    private static final String JVM_READY = "ISOBENCH-JVM-READY";
    private static final int BOOT_SAMPLES = 3;
    private static final int IDLE_PEER_PORT = 7000;

    private final VmOptions options;
    private final String accel;

    public VmEnvironment(VmOptions options) {
        this.options = options.validate();
        this.accel = options.resolvedAccel();
    }

    @Override
    public String name() {
        return "vm-" + accel + (options.network().equals("user") ? "" : "-" + options.network());
    }

    @Override
    public int run(RunSpec spec, Path envDir) throws LauncherException, InterruptedException {
        if (accel.equals("tcg")) {
            Progress.warn("no KVM here (" + Accel.kvmProblem().orElse("--accel tcg") + "): QEMU EMULATES the CPU (TCG). "
                    + "These results are emulation, many times slower than KVM, and say nothing about KVM overhead; "
                    + "they are labelled vm-tcg / accel: tcg.");
        }
        VmImage image = VmImage.at(Path.of(ImageRecipes.build("vm")));
        long bootTimeout = accel.equals("kvm") ? 60 : 180;
        try (Cleanup cleanup = new Cleanup()) {
            Files.createDirectories(envDir);
            Path console = ResultLayout.consoleLog(envDir);
            Files.deleteIfExists(console);
            // On disk under the cache, not in /tmp (tmpfs on many systems): the overlay is opened with O_DIRECT.
            Files.createDirectories(RunOptions.cacheDir());
            Path work = Files.createTempDirectory(RunOptions.cacheDir(), "work-vm-");
            cleanup.add("VM work directory " + work, () -> BenchDir.deleteRecursively(work));
            Path share = Files.createDirectory(work.resolve("share"));
            Path resultsInShare = share.resolve("results").resolve(name());
            ResultCopy results = new ResultCopy((file, target) -> {
                if (Files.isRegularFile(resultsInShare.resolve(file))) {
                    Files.copy(resultsInShare.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    throw new IOException("the guest wrote none");
                }
            }, envDir);
            cleanup.add("results of the VM", results);
            VmNetwork network = VmNetwork.open(options.network());
            cleanup.add("the VM's network " + network.describe(), network::close);
            copyTree(spec.runtime().home(), share.resolve("runtime"));
            Files.copy(spec.benchmarksJar(), share.resolve("benchmarks.jar"));

            Footprint footprint = new Footprint(envDir);
            footprint.put("accel", accel);
            footprint.put("network", network.describe());
            footprint.put("baseImageBytes", Sizes.diskUsageBytes(image.disk()));
            footprint.put("kernelInitrdBytes", Sizes.diskUsageBytes(image.kernel()) + Sizes.diskUsageBytes(image.initrd()));

            List<Double> toInit = new ArrayList<>();
            List<Double> toJvm = new ArrayList<>();
            for (int i = 1; i <= BOOT_SAMPLES; i++) {
                Progress.say(name() + ": boot " + i + "/" + BOOT_SAMPLES + " (boot time)");
                writeRunScript(share, SHARE + "/runtime/bin/java -version >/dev/null 2>&1 && echo " + JVM_READY);
                header(console, "boot " + i + "/" + BOOT_SAMPLES + ": boot and JVM start times");
                try (Guest guest = Guest.boot(image, options, accel, network, work, share, console, false, List.of(JVM_READY))) {
                    cleanup.add("QEMU (boot sample)", guest::close);
                    toInit.add(required(guest, Guest.INIT, bootTimeout));
                    toJvm.add(required(guest, JVM_READY, bootTimeout));
                    finish(guest, bootTimeout);
                }
            }
            footprint.putSamples("bootToInitMillis", toInit);
            footprint.putSamples("bootToJvmReadyMillis", toJvm);

            Progress.say(name() + ": boot for idle memory (an idle EchoPeer in the guest)");
            writeRunScript(share, "exec " + SHARE + "/runtime/bin/java -cp " + SHARE + "/benchmarks.jar "
                    + EchoPeer.class.getName() + " --port " + IDLE_PEER_PORT + " --bind 127.0.0.1");
            header(console, "idle boot: memory of QEMU while the guest runs an idle EchoPeer");
            footprint.attempt("idle memory", () -> {
                try (Guest guest = Guest.boot(image, options, accel, network, work, share, console, false, List.of(EchoPeer.READY))) {
                    cleanup.add("QEMU (idle)", guest::close);
                    required(guest, EchoPeer.READY, bootTimeout * 2);
                    Thread.sleep(3000);
                    footprint.put("idleMemoryBytes", Processes.rssBytes(guest.pid()));
                }
            });

            try (PeerProcess peer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), network.peerBind())) {
                cleanup.add("echo peer", peer::close);
                return runSuite(spec, image, network, work, share, console, footprint, peer, cleanup, results);
            }
        } catch (IOException e) {
            throw new LauncherException(name() + ": " + e.getMessage(), e);
        }
    }

    private int runSuite(RunSpec spec, VmImage image, VmNetwork network, Path work, Path share, Path console,
                         Footprint footprint, PeerProcess peer, Cleanup cleanup, ResultCopy results)
            throws IOException, LauncherException, InterruptedException {
        String java = OPT + "/runtime/bin/java";
        String envInside = SHARE + "/results/" + name();
        SuiteCommand command = new SuiteCommand(java, OPT + "/benchmarks.jar", envInside, BENCH_DIR,
                network.hostAddress() + ":" + peer.port());
        List<String> args = command.args(spec, new SuiteCommand.Identity(name(), "vm",
                options.variant(accel, network.describe()), accel));
        writeRunScript(share, String.join("\n",
                "set -e",
                "mkdir -p " + OPT + " " + BENCH_DIR + " " + envInside,
                "cp -a " + SHARE + "/runtime " + SHARE + "/benchmarks.jar " + OPT + "/",
                JvmStart.script(java),
                SuiteCommand.shellQuote(args)));
        long budget = spec.budgetSeconds(Accel.slowdown(accel));
        Progress.say(name() + ": booting to run the suite (" + spec.profile().id() + ", at most " + budget + " s)");
        header(console, "suite boot");
        Files.deleteIfExists(share.resolve("exit-code"));
        try (Guest guest = Guest.boot(image, options, accel, network, work, share, console, true, List.of())) {
            cleanup.add("QEMU (suite)", guest::close);
            boolean exited = guest.awaitExit(budget);
            footprint.attempt("overlay size", () -> footprint.put("overlayBytes", Sizes.diskUsageBytes(guest.overlay())));
            results.run();
            try {
                footprint.putSamples("jvmStartMillis", JvmStart.parse(Files.readString(console)));
            } catch (LauncherException e) {
                Progress.warn("no JVM start times from the guest: " + e.getMessage());
            }
            if (!exited) {
                throw new LauncherException(name() + ": the guest did not finish within " + budget + " s and was killed; "
                        + "see " + console);
            }
            Path exitCode = share.resolve("exit-code");
            if (!guest.sawMarker(Guest.DONE) || !Files.isRegularFile(exitCode)) {
                throw new LauncherException(name() + ": the guest stopped before the suite finished (last console line: '"
                        + guest.lastLine() + "'); see " + console);
            }
            return Integer.parseInt(Files.readString(exitCode).strip());
        }
    }

    private static double required(Guest guest, String marker, long timeoutSeconds) throws LauncherException, InterruptedException {
        double millis = guest.awaitMarker(marker, timeoutSeconds);
        if (millis < 0) {
            throw new LauncherException("the guest did not print " + marker + " within " + timeoutSeconds + " s (last console line: '"
                    + guest.lastLine() + "'); see console.log");
        }
        return millis;
    }

    private static void finish(Guest guest, long timeoutSeconds) throws LauncherException, InterruptedException {
        if (!guest.awaitExit(timeoutSeconds)) {
            throw new LauncherException("the guest did not power off within " + timeoutSeconds + " s; see console.log");
        }
    }

    private static void writeRunScript(Path share, String body) throws IOException {
        Files.writeString(share.resolve("run.sh"), "#!/bin/sh\n" + body + "\n");
    }

    private static void header(Path console, String title) throws IOException {
        Files.writeString(console, "=== isobench: " + title + " ===\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void copyTree(Path from, Path to) throws IOException {
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
