package io.isobench.launcher.kind.host;

import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.InboundPeer;
import io.isobench.launcher.core.Instance;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.NeighbourEnvironment;
import io.isobench.launcher.core.NeighbourSpec;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.PrivateDir;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.SuiteCommand;
import io.isobench.launcher.core.Workspace;
import io.isobench.support.InboundService;
import io.isobench.support.Peer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The bare-metal baseline (or whatever the host is: the fingerprint's {@code hypervisor} fields tell): the suite runs
 * as a child process with the shared runtime; its peer is an EchoPeer JVM on loopback. A second host environment under
 * another name ({@code host-b}) runs the same way, for an A/A comparison of the method itself.
 */
public final class HostEnvironment implements Environment {

    /** One host run at a time on this machine (JMH's lock in /tmp is per machine). */
    private static final HostLocks LOCKS = HostLocks.forThisMachine();

    private final String name;
    private final Path benchDir;
    private final String kind;

    public HostEnvironment(String name, Path benchDir) {
        this(name, benchDir, "host");
    }

    /** A host environment that environment.json records as {@code kind}: a kind that runs as host processes. */
    public HostEnvironment(String name, Path benchDir, String kind) {
        this.name = name;
        this.benchDir = benchDir;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    /** Refuses a second host run on this machine (see {@link HostLocks}) and a bench directory not its own. */
    @Override
    public void preflight() throws LauncherException {
        LOCKS.acquire();
        checkBenchDir(benchDir);
    }

    /** The default bench directory, at a path every user may take first, must be the launcher's: {@link PrivateDir}. */
    static void checkBenchDir(Path benchDir) throws LauncherException {
        if (benchDir.toAbsolutePath().toString().equals(Workspace.HOST_BENCH_DIR)) {
            PrivateDir.ensure(benchDir.toAbsolutePath());
        }
    }

    @Override
    public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException {
        LOCKS.acquire();
        checkBenchDir(benchDir);
        PeerProcess peer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), "127.0.0.1");
        try {
            Thread.sleep(1000); // let the idle peer settle before its memory is read
            footprint.attempt("idle memory", () -> {
                long idle = Processes.rssBytes(peer.pid());
                footprint.update(f -> f.idleMemoryBytes(idle));
            });
        } catch (InterruptedException e) {
            peer.close();
            throw e;
        }
        SuiteCommand suite = new SuiteCommand(spec.runtime().java().toString(), spec.benchmarksJar().toString(),
                envDir.toString(), benchDir.toString(), "127.0.0.1:" + peer.port(), "loopback");
        return new HostInstance(suite, new SuiteCommand.Identity(name, kind, "default", "none"), envDir, peer,
                new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** The host itself: commands are child processes, files are where they are. */
    private record HostInstance(SuiteCommand suite, SuiteCommand.Identity identity, Path resultsOnHost, PeerProcess peer,
                                java.util.concurrent.atomic.AtomicReference<Process> running) implements Instance {

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
            return Processes.stream(command, sink, timeoutSeconds, running);
        }

        /**
         * The host's own peer already listens on loopback, where an inbound one would: the inbound baseline. Another
         * service (HTTP) gets a peer of its own there, on a free port.
         */
        @Override
        public InboundPeer startInboundPeer(InboundService service) throws LauncherException, InterruptedException {
            if (service == InboundService.ECHO) {
                return new InboundPeer(suite.peer(), Peer.INBOUND_PREFIX + "loopback", () -> { });
            }
            return InboundPeer.onLoopback(this, "loopback", service);
        }

        /**
         * A sibling on the host: another JVM of the same runtime and jar, its io files beside the bench directory (the
         * same disk), its output in its control directory; it ends by itself when this launcher's pipe to it closes.
         */
        @Override
        public Neighbour startNeighbour(int index, NeighbourSpec neighbours, Path control) throws LauncherException {
            Path ioDir = Path.of(suite.benchDir()).toAbsolutePath().getParent();
            List<String> command = neighbours.command(suite.java(), suite.jar(), control.toString(), ioDir.toString());
            command.add("--exit-on-stdin-eof");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(control.resolve(NeighbourEnvironment.LOG).toFile()).start();
            } catch (IOException e) {
                throw new LauncherException("cannot start neighbour " + index + ": " + e.getMessage(), e);
            }
            return () -> Processes.destroy(process);
        }

        /** Stops the peer and a step still running (Ctrl-C: the main thread does not get to its own cleanup). */
        @Override
        public void close() {
            Process step = running.getAndSet(null);
            if (step != null) {
                Processes.destroy(step);
            }
            peer.close();
        }
    }
}
