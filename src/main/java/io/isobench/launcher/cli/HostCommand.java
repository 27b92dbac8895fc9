package io.isobench.launcher.cli;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PrivateDir;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.host.HostEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code isobench host}: runs the suite on the host into {@code RUN_DIR/host/}. */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Run the suite on the host.")
public final class HostCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--bench-dir", description = "Directory for the file benchmarks (default: ${DEFAULT-VALUE}, on disk "
            + "like the container's and the VM's; /tmp is tmpfs on many systems).", defaultValue = Workspace.HOST_BENCH_DIR)
    Path benchDir;

    @Override
    public Integer call() throws Exception {
        Path dir = benchDirOrDefault(benchDir);
        List<Rounds.Planned> plan = neighbours.expand(List.of(Rounds.Planned.of(new HostEnvironment("host", dir))));
        options.check(); // bad input is a usage error (exit 2) even while another run holds the machine
        Rounds.preflight(plan);
        return Rounds.run(plan, options.toSpec());
    }

    /**
     * The bench directory: the default is made 0700 when missing and refused when it is a link or another user's
     * ({@link PrivateDir}); any other, named by the user, must be a writable directory.
     */
    static Path benchDirOrDefault(Path benchDir) throws LauncherException {
        Path dir = benchDir.toAbsolutePath();
        if (dir.toString().equals(Workspace.HOST_BENCH_DIR)) {
            PrivateDir.ensure(dir);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--bench-dir " + dir + " is not a writable directory");
        }
        return dir;
    }
}
