package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.RunAs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a command runs in a Charliecloud instance: {@code ch-run} as {@code user} on the directory image, with a private
 * /tmp (JMH's {@code /tmp/jmh.lock} inside does not meet a host run's), / as the working directory, the binds, and a
 * tag in the environment of every process it starts, by which the instance's leftovers are found
 * ({@link ChProcesses}). ch-run execs the command: the process started is the command itself (and its $USER must be
 * set, so {@code env} sets it where setpriv does not).
 *
 * @param binds host path to path in the image; every target exists in the image (ch-run 0.31 cannot make one in a
 *              read-only image), see {@link CharliecloudImage}
 */
record ChRun(RunAs user, Path image, Map<Path, String> binds, String tag) {

    /** The environment variable that tags an instance's processes. */
    static final String TAG = "ISOBENCH_CHARLIECLOUD";

    ChRun {
        binds = new LinkedHashMap<>(binds);
        for (Map.Entry<Path, String> bind : binds.entrySet()) {
            if (bind.getKey().toString().contains(":") || bind.getValue().contains(":")) {
                throw new IllegalArgumentException("ch-run cannot bind a path with a ':' in it: " + bind.getKey());
            }
        }
    }

    /** {@code command} in the image. */
    List<String> command(List<String> command) {
        List<String> line = new ArrayList<>(List.of("env", "USER=" + user.name(), "ch-run", "--private-tmp", "--cd=/",
                "--set-env=" + TAG + "=" + tag));
        for (Map.Entry<Path, String> bind : binds.entrySet()) {
            line.add("--bind=" + bind.getKey() + ":" + bind.getValue());
        }
        line.add(image.toString());
        line.add("--");
        line.addAll(command);
        return user.command(line);
    }
}
