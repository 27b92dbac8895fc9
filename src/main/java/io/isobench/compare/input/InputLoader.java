package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns command-line inputs into {@link EnvironmentInput}s. An input is a run directory (environment
 * subdirectories each holding a jmh.json), one environment directory, or a JMH JSON file from anywhere (labelled
 * by its file name, or by the matching {@code --label}). Labels that collide become {@code <run-id>/<env>}.
 */
public final class InputLoader {

    private InputLoader() {
    }

    /** Loads the inputs; {@code labels.get(i)}, when present, names the i-th input. */
    public static List<EnvironmentInput> load(List<Path> inputs, List<String> labels) throws CompareException {
        return load(null, inputs, labels);
    }

    /**
     * Loads a previous run (may be null) and the inputs; the previous run's environments are marked
     * {@link EnvironmentInput#previousRun()}.
     */
    public static List<EnvironmentInput> load(Path previousRun, List<Path> inputs, List<String> labels)
            throws CompareException {
        if (inputs.isEmpty()) {
            throw new CompareException("no input given; name at least one run directory or JMH JSON file");
        }
        if (labels.size() > inputs.size()) {
            throw new CompareException("more --label options (" + labels.size() + ") than inputs ("
                    + inputs.size() + ")");
        }
        List<EnvironmentInput> all = new ArrayList<>();
        if (previousRun != null) {
            all.addAll(loadOne(previousRun, null, true));
        }
        for (int i = 0; i < inputs.size(); i++) {
            all.addAll(loadOne(inputs.get(i), i < labels.size() ? labels.get(i) : null, false));
        }
        return disambiguate(all);
    }

    /** RUN_DIR/report when the inputs are exactly one run directory, else null. */
    public static Path defaultOutDir(List<Path> inputs) {
        if (inputs.size() == 1 && isRunDir(inputs.get(0))) {
            return ResultLayout.reportDir(inputs.get(0));
        }
        return null;
    }

    public static boolean isRunDir(Path dir) {
        return Files.isDirectory(dir) && !ResultLayout.isEnvDir(dir) && !envDirs(dir).isEmpty();
    }

    private static List<EnvironmentInput> loadOne(Path path, String label, boolean previous)
            throws CompareException {
        if (!Files.exists(path)) {
            throw new CompareException(path, "no such file or directory");
        }
        // A link named on the command line is the user's own choice: it is followed, to a regular file or a directory.
        // What an input directory holds is read as it stands (see UntrustedFile): results are passed around.
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw Json.failure(path, e);
        }
        if (Files.isRegularFile(real)) {
            if (path.getFileName().toString().equals(ResultLayout.JMH_JSON) && path.getParent() != null) {
                return List.of(loadEnvDir(path.toAbsolutePath().getParent(), label, previous));
            }
            String name = path.getFileName().toString();
            String env = label != null ? label : name.toLowerCase(Locale.ROOT).endsWith(".json")
                    ? name.substring(0, name.length() - 5) : name;
            Path parent = path.toAbsolutePath().getParent();
            return List.of(new EnvironmentInput(env, env, dirName(parent), path, JmhJsonReader.read(real),
                    FingerprintInput.none(), FootprintInput.none(), previous));
        }
        if (!Files.isDirectory(real)) {
            throw new CompareException(path, "is neither a directory nor a regular file");
        }
        if (ResultLayout.isEnvDir(path)) {
            return List.of(loadEnvDir(path, label, previous));
        }
        List<Path> envDirs = envDirs(path);
        if (envDirs.isEmpty()) {
            throw new CompareException(path, "no results (no " + ResultLayout.JMH_JSON
                    + " in it or in its subdirectories)");
        }
        String runId = label != null ? label : dirName(path.toAbsolutePath());
        List<EnvironmentInput> envs = new ArrayList<>();
        for (Path dir : envDirs) {
            EnvironmentInput env = loadEnvDir(dir, null, previous);
            envs.add(new EnvironmentInput(env.label(), env.env(), runId, env.source(), env.results(),
                    env.fingerprint(), env.footprint(), previous));
        }
        envs.sort(Comparator.comparingInt(env -> env.environmentKind().rank())); // stable: by name within a kind
        return envs;
    }

    private static EnvironmentInput loadEnvDir(Path dir, String label, boolean previous) throws CompareException {
        Path abs = dir.toAbsolutePath().normalize();
        String env = dirName(abs);
        Path jmh = ResultLayout.jmhJson(dir);
        List<BenchmarkResult> results = new ArrayList<>();
        if (UntrustedFile.present(jmh)) {
            results.addAll(JmhJsonReader.read(jmh));
        }
        // The inbound rows: run on the host against a peer inside this environment, so they are this environment's.
        Path inbound = ResultLayout.jmhJson(ResultLayout.inboundDir(dir));
        if (UntrustedFile.present(inbound)) {
            results.addAll(JmhJsonReader.read(inbound));
        }
        if (!UntrustedFile.present(jmh)) {
            jmh = inbound;
        }
        FingerprintInput fingerprint = FingerprintInput.read(ResultLayout.environmentJson(dir));
        Path inboundPrint = ResultLayout.environmentJson(ResultLayout.inboundDir(dir));
        if (UntrustedFile.present(inboundPrint)) {
            FingerprintInput client = FingerprintInput.read(inboundPrint);
            fingerprint = fingerprint.with("inboundPath", client.get("peerPath")).with("inboundPeer", client.get("peer"));
        }
        FootprintInput footprint = FootprintInput.read(ResultLayout.footprintJson(dir));
        return new EnvironmentInput(label != null ? label : env, env, dirName(abs.getParent()), jmh, results,
                fingerprint, footprint, previous);
    }

    /** The environment subdirectories of a run directory, by name (the loader orders them by kind). */
    private static List<Path> envDirs(Path runDir) {
        try (Stream<Path> children = Files.list(runDir)) {
            return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(ResultLayout::isEnvDir)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String dirName(Path dir) {
        return dir == null || dir.getFileName() == null ? "run" : dir.getFileName().toString();
    }

    /** Labels used more than once become {@code <run-id>/<env>}; any still equal get {@code #2}, {@code #3}. */
    static List<EnvironmentInput> disambiguate(List<EnvironmentInput> inputs) {
        Map<String, Integer> uses = new HashMap<>();
        inputs.forEach(in -> uses.merge(in.label(), 1, Integer::sum));
        List<EnvironmentInput> renamed = new ArrayList<>();
        for (EnvironmentInput in : inputs) {
            renamed.add(uses.get(in.label()) > 1 ? in.withLabel(in.runId() + "/" + in.label()) : in);
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<EnvironmentInput> unique = new ArrayList<>();
        for (EnvironmentInput in : renamed) {
            int n = seen.merge(in.label(), 1, Integer::sum);
            unique.add(n > 1 ? in.withLabel(in.label() + "#" + n) : in);
        }
        return unique;
    }
}
