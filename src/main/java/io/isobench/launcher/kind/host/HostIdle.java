package io.isobench.launcher.kind.host;

import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;

import java.nio.file.Path;
import java.util.List;

/** Host processes: each instance is an EchoPeer JVM on the host's loopback, the same runtime and jar. */
public final class HostIdle implements IdleKind {

    private final JvmRuntime runtime;
    private final Path jar;
    private final String kind;

    public HostIdle(JvmRuntime runtime, Path jar) {
        this(runtime, jar, "host");
    }

    /** Host processes of a kind that runs as host processes, its series labelled with the kind's id. */
    public HostIdle(JvmRuntime runtime, Path jar, String kind) {
        this.runtime = runtime;
        this.jar = jar;
        this.kind = kind;
    }

    @Override
    public String label() {
        return kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<String> notes() {
        return List.of("each instance an EchoPeer JVM on the host's loopback");
    }

    @Override
    public Started start(int index) throws LauncherException, InterruptedException {
        long start = System.nanoTime();
        PeerProcess peer = PeerProcess.start(runtime, jar, "127.0.0.1");
        double millis = FootprintWriter.millisSince(start);
        return IdleKind.started(millis, () -> Processes.pssBytes(peer.pid()), peer::close);
    }

    @Override
    public void close() {
        // Nothing shared: each peer is closed with its instance.
    }
}
