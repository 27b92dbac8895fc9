package io.isobench.launcher.kind.podman;

import io.isobench.launcher.core.Availability;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.RunAs;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.container.ContainerKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Podman with runc or crun, as root or rootless ({@code podman-runc}, {@code podman-crun}, {@code podman-runc-rootless},
 * {@code podman-crun-rootless}). Whether a variant runs here is measured, not assumed: its plan starts one container
 * ({@code podman run --rm IMAGE true}) and an environment that cannot start is skipped with podman's own reason (on
 * these machines crun refuses their hybrid cgroup layout, for Docker too). {@code --envs podman} plans runc, crun and
 * rootless runc, each skipped with its reason where it cannot run. The main job runs Podman only when asked: it is a
 * second engine for the container kind's image, and three more environments would lengthen every default run.
 */
public final class PodmanKind implements Kind {

    /** What a probe of each variant found, once per launcher: empty when a container ran. */
    private static final Map<PodmanVariant, Optional<String>> PROBED = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return PodmanVariant.KIND;
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    @Override
    public boolean answers(String word) {
        return word.equals(PodmanVariant.KIND) || PodmanVariant.isName(word);
    }

    @Override
    public String words() {
        return "podman, podman-RUNTIME[-rootless]";
    }

    @Override
    public List<Rounds.Planned> plan(List<String> words, boolean named) {
        List<Rounds.Planned> plan = new ArrayList<>();
        for (String word : words) {
            boolean defaults = word.equals(PodmanVariant.KIND);
            for (PodmanVariant variant : defaults ? PodmanVariant.DEFAULTS : List.of(PodmanVariant.fromName(word))) {
                if (plan.stream().noneMatch(p -> ((PodmanEnvironment) p.environment()).variant().equals(variant))) {
                    // The defaults are skipped with their reason even when podman was named; a named variant must run.
                    plan.add(new Rounds.Planned(new PodmanEnvironment(variant), missing(variant), defaults));
                }
            }
        }
        return plan;
    }

    @Override
    public List<String> idleNames() {
        return PodmanVariant.DEFAULTS.stream().map(PodmanVariant::name).toList();
    }

    @Override
    public String idleName(Environment environment) {
        return ((PodmanEnvironment) environment).variant().name();
    }

    @Override
    public IdleKind openIdle(String name, Idle idle) throws LauncherException, InterruptedException {
        PodmanVariant variant = PodmanVariant.fromName(name);
        Optional<String> missing = missing(variant);
        if (missing.isPresent()) {
            throw new LauncherException(missing.get());
        }
        return PodmanIdle.open(variant, idle.jvm(), idle.jar());
    }

    /**
     * Why {@code variant} cannot run here, or empty: no podman or runtime, root asked of a launcher that is not root,
     * nothing to make the image with, or what podman said when one container of it was started (measured once).
     */
    static Optional<String> missing(PodmanVariant variant) {
        Optional<String> podman = Availability.onPath("podman", "/usr/bin/podman");
        if (podman.isPresent()) {
            return Optional.of(podman.get() + " (Debian: apt-get install podman)");
        }
        Optional<String> runtime = Availability.onPath(variant.runtime(), "/usr/sbin/" + variant.runtime());
        if (runtime.isPresent()) {
            return runtime;
        }
        try {
            if (!variant.rootless() && !RunAs.self().root()) {
                return Optional.of(variant.name() + " runs podman as root, and the launcher does not run as root");
            }
        } catch (LauncherException e) {
            return Optional.of(e.getMessage());
        }
        Optional<String> engine = ContainerKind.missing();
        if (engine.isPresent()) {
            return Optional.of("its image comes from the container image, and " + engine.get());
        }
        return PROBED.computeIfAbsent(variant, PodmanKind::probe);
    }

    /** Starts one container of {@code variant} ({@code true} in the image); why it did not run, or empty. */
    private static Optional<String> probe(PodmanVariant variant) {
        Podman podman = null;
        try {
            podman = PodmanEnvironment.podman(variant);
            String image = PodmanEnvironment.image(podman, JvmRuntime.ensure(Workspace.cacheDir()));
            List<String> args = new ArrayList<>(List.of("run", "--rm", "--runtime", variant.runtime(), "--network", "host"));
            args.addAll(Podman.ulimits());
            args.addAll(List.of(image, "true"));
            Processes.Result result = podman.run(args, 120);
            return result.exitCode() == 0 ? Optional.empty() : Optional.of(probeFailed(result.exitCode(), result.output()));
        } catch (LauncherException e) {
            return Optional.of("podman could not be tried: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying podman");
        } finally {
            if (podman != null) {
                podman.endRootlessSession();
            }
        }
    }

    /** The reason a variant is skipped, from a failed {@code podman run ... true}. */
    static String probeFailed(int exitCode, String output) {
        return "podman run of the image failed here: " + Podman.reason(exitCode, output);
    }

    /** A program's path: on PATH, else in /usr/sbin or /usr/bin. */
    static String onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return program;
    }
}
