package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import io.isobench.support.BenchDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One boot of the VM: a fresh qcow2 overlay on the read-only disk (the base, or the top of its layers), QEMU with the
 * console on its stdout, the console appended to console.log (and echoed, for the suite's progress lines), and the time each marker line appeared.
 * Closing kills QEMU if it still runs and removes the overlay.
 */
final class Guest implements AutoCloseable {

    /** Markers printed by the guest's init (see vm-images/README.md). */
    static final String INIT = "ISOBENCH-INIT";
    static final String DONE = "ISOBENCH-DONE";
    static final String ERROR = "ISOBENCH-ERROR";
    /** Printed by the guest's init when a balloon device negotiated free page reporting. */
    static final String PAGE_REPORTING = "ISOBENCH-PAGE-REPORTING";
    private static final String SETPRIV = "/usr/bin/setpriv";

    private final Process qemu;
    private final Path overlay;
    private final long startNanos;
    private final Map<String, Long> markers = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile String lastLine = "";
    private volatile String errorLine;

    private Guest(Process qemu, Path overlay, long startNanos, Path consoleLog, boolean echo, List<String> watch) {
        this.qemu = qemu;
        this.overlay = overlay;
        this.startNanos = startNanos;
        this.reader = new Thread(() -> read(consoleLog, echo, watch), "isobench-vm-console");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static Guest boot(VmImage image, VmOptions options, String accel, VmNetwork network, Path workDir, Path share,
                      Path consoleLog, boolean echo, List<String> watch) throws LauncherException {
        Path overlay = workDir.resolve("overlay-" + System.nanoTime() + ".qcow2");
        try {
            Processes.Result created = Processes.run(List.of("qemu-img", "create", "-q", "-f", "qcow2",
                    "-b", image.disk().toString(), "-F", image.diskFormat(), overlay.toString()), 60);
            if (created.exitCode() != 0) {
                throw new LauncherException("qemu-img could not make an overlay: " + created.output().strip());
            }
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of(SETPRIV))) {
                command.addAll(List.of(SETPRIV, "--pdeathsig", "KILL")); // QEMU dies with the launcher, even on kill -9
            }
            command.addAll(List.of("qemu-system-x86_64", "-M", "q35"));
            command.addAll(Accel.qemuArgs(accel));
            String drive = "file=" + overlay + ",if=virtio,format=qcow2"
                    + (options.diskCache().equals("none") ? ",cache=none,aio=native" : ",cache=writeback");
            command.addAll(List.of("-bios", "/usr/share/qemu/qboot.rom", "-nodefaults", "-no-user-config",
                    "-serial", "stdio", "-nographic", "-no-reboot",
                    "-smp", String.valueOf(options.cpus()), "-m", String.valueOf(options.memoryMib()),
                    "-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(),
                    "-append", image.cmdline() + " " + network.kernelArg()
                            + HugePageSetting.kernelArg().map(arg -> " " + arg).orElse(""),
                    "-drive", drive,
                    "-virtfs", "local,path=" + share + ",mount_tag=share,security_model=" + shareModel(share) + ",id=share"));
            command.addAll(sandbox());
            command.addAll(network.qemuArgs());
            if (options.pageReporting()) {
                command.addAll(List.of("-device", "virtio-balloon-pci,free-page-reporting=on"));
            }
            long start = System.nanoTime();
            Process qemu = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new Guest(qemu, overlay, start, consoleLog, echo, watch);
        } catch (IOException | InterruptedException e) {
            deleteQuietly(overlay);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new LauncherException("cannot start QEMU: " + e.getMessage(), e);
        }
    }

    /**
     * How QEMU maps the share: {@code mapped-xattr} where the share's file system takes user extended attributes
     * (ext4, xfs, btrfs), else {@code none}, with a warning. With mapped-xattr the guest's symbolic links, FIFOs and
     * device nodes are regular files on the host (their kind and mode kept in an attribute), and its files belong to
     * QEMU's user: what the guest writes into the share can never make the host, which reads it back as root, follow
     * a link or block on a FIFO; the host refuses those files by their attribute ({@code UntrustedFile}) rather than
     * read a link's target path as results (GuestShareLinkIT plants them). The guest only writes results and reads
     * scripts there (vm-images/recipe/isobench-init, {@link VmEnvironment#stepLoop}), which works the same either way.
     */
    static String shareModel(Path share) {
        try {
            java.nio.file.attribute.UserDefinedFileAttributeView view = Files.getFileAttributeView(share,
                    java.nio.file.attribute.UserDefinedFileAttributeView.class);
            if (view != null) {
                view.write("isobench.probe", java.nio.ByteBuffer.wrap(new byte[] {1}));
                view.delete("isobench.probe");
                return "mapped-xattr";
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Said below.
        }
        if (!WARNED_SHARE.getAndSet(true)) {
            io.isobench.launcher.core.Progress.warn("the VM share " + share + " is on a file system without user extended "
                    + "attributes: QEMU shares it with security_model=none, where the guest can make real links and "
                    + "FIFOs on the host (the launcher reads them without following; ISOBENCH_CACHE on ext4 avoids it)");
        }
        return "none";
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARNED_SHARE = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * QEMU's seccomp sandbox where this QEMU has one (Debian's does): no obsolete system calls, no change of
     * privileges, no new processes, no scheduling or affinity changes; none of which the VM needs (its tap device is
     * opened without a script).
     */
    static List<String> sandbox() {
        return Sandbox.SUPPORTED ? List.of("-sandbox", SANDBOX) : List.of();
    }

    static final String SANDBOX = "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny";

    /** Whether QEMU offers -sandbox, asked once. */
    private static final class Sandbox {
        static final boolean SUPPORTED = ask();

        private static boolean ask() {
            try {
                return Processes.run(List.of("qemu-system-x86_64", "-help"), 30).output().contains("-sandbox on");
            } catch (LauncherException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The longest console line kept: the guest writes the console, and a line without an end must not fill the heap. */
    static final int MAX_LINE = 64 * 1024;

    /** The next line of at most {@link #MAX_LINE} characters (a longer one is cut there), or null at the end. */
    static String readLine(java.io.Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            }
        }
        return line.length() > 0 ? line.toString() : null;
    }

    private void read(Path consoleLog, boolean echo, List<String> watch) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(qemu.getInputStream(), StandardCharsets.UTF_8));
             PrintStream log = new PrintStream(Files.newOutputStream(consoleLog, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = readLine(in)) != null) {
                line = line.replace("\r", "");
                long now = System.nanoTime();
                log.println(line);
                if (echo) {
                    System.out.println(line);
                }
                lastLine = line.isBlank() ? lastLine : line;
                if (errorLine == null && line.startsWith(ERROR)) {
                    errorLine = line.strip();
                }
                for (String marker : watch) {
                    if (line.startsWith(marker)) {
                        markers.putIfAbsent(marker, now);
                    }
                }
                for (String marker : List.of(INIT, DONE, ERROR, PAGE_REPORTING)) {
                    if (line.startsWith(marker)) {
                        markers.putIfAbsent(marker, now);
                    }
                }
            }
        } catch (IOException e) {
            // QEMU closed its output: the reader ends.
        }
    }

    /**
     * Waits until {@code marker} appears, the guest reports an error, QEMU exits, or the timeout passes.
     * @return milliseconds from QEMU's start to the marker, or -1 if it did not appear
     */
    double awaitMarker(String marker, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            Long at = markers.get(marker);
            if (at != null) {
                return Math.round((at - startNanos) / 1e5) / 10.0;
            }
            if (errorLine != null) {
                return -1; // the guest gave up and powers off
            }
            if (!qemu.isAlive()) {
                reader.join(2000);
                at = markers.get(marker);
                return at != null ? Math.round((at - startNanos) / 1e5) / 10.0 : -1;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** Waits for QEMU to exit; false when it did not within the timeout. */
    boolean awaitExit(long timeoutSeconds) throws InterruptedException {
        boolean exited = qemu.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (exited) {
            reader.join(5000);
        }
        return exited;
    }

    boolean alive() {
        return qemu.isAlive();
    }

    boolean sawMarker(String marker) {
        return markers.containsKey(marker);
    }

    /** Why {@code marker} did not come after {@link #awaitMarker} gave up waiting {@code timeoutSeconds}, in one line. */
    String failure(String marker, long timeoutSeconds) {
        return failure(marker, timeoutSeconds, errorLine, qemu.isAlive() ? null : qemu.exitValue(), lastLine);
    }

    /**
     * The guest's own ISOBENCH-ERROR line when it printed one; else whether QEMU exited or the wait timed out (only
     * then is a time named), with the console's last line.
     */
    static String failure(String marker, long timeoutSeconds, String errorLine, Integer qemuExit, String lastLine) {
        String why;
        if (errorLine != null) {
            why = "the guest failed before " + marker + ": '" + errorLine + "'";
        } else if (qemuExit != null) {
            why = "QEMU exited (status " + qemuExit + ") before the guest printed " + marker + " (last console line: '"
                    + lastLine + "')";
        } else {
            why = "the guest did not print " + marker + " within " + timeoutSeconds + " s (last console line: '"
                    + lastLine + "')";
        }
        return why + "; see console.log";
    }

    /** The guest's ISOBENCH-ERROR line, or else its console's last line, quoted: what to say when it stopped. */
    String lastWords() {
        return errorLine != null ? "'" + errorLine + "'" : "last console line: '" + lastLine + "'";
    }

    long pid() {
        return qemu.pid();
    }

    Path overlay() {
        return overlay;
    }

    @Override
    public void close() {
        if (qemu.isAlive()) {
            qemu.destroyForcibly();
            try {
                qemu.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteQuietly(overlay);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            BenchDir.deleteRecursively(file);
        }
    }
}
