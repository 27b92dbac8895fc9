package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.Availability;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.RunAs;
import io.isobench.launcher.kind.container.ContainerKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Charliecloud ({@code ch-run}): {@code charliecloud} runs unprivileged (the main job's default where ch-run is
 * installed), {@code charliecloud-root} as root. Its image is exported from the container kind's, so it needs the same
 * Docker engine to be made; once unpacked it is reused.
 */
public final class CharliecloudKind implements Kind {

    private static final String CH_RUN = "ch-run";
    private static final String USUAL = "/usr/bin/ch-run";

    @Override
    public String id() {
        return CharliecloudVariant.KIND;
    }

    @Override
    public boolean answers(String word) {
        return CharliecloudVariant.isName(word);
    }

    @Override
    public String words() {
        return "charliecloud, charliecloud-root";
    }

    @Override
    public List<Rounds.Planned> plan(List<String> words, boolean named) {
        return words.stream().map(CharliecloudVariant::fromName).distinct()
                .map(variant -> new Rounds.Planned(new CharliecloudEnvironment(variant, null), missing(variant)))
                .toList();
    }

    @Override
    public List<String> idleNames() {
        return List.of(CharliecloudVariant.UNPRIVILEGED.name(), CharliecloudVariant.ROOT.name());
    }

    @Override
    public String idleName(Environment environment) {
        return ((CharliecloudEnvironment) environment).variant().name();
    }

    @Override
    public IdleKind openIdle(String name, Idle idle) throws LauncherException, InterruptedException {
        CharliecloudVariant variant = CharliecloudVariant.fromName(name);
        Optional<String> missing = missing(variant);
        if (missing.isPresent()) {
            throw new LauncherException(missing.get());
        }
        return CharliecloudIdle.open(variant, null, idle.jvm(), idle.jar());
    }

    /**
     * Why {@code variant} cannot run here, or empty: no ch-run, no setpriv to become an unprivileged user, root asked of
     * a launcher that is not root, or nothing to make the image with (the container kind's reasons).
     */
    static Optional<String> missing(CharliecloudVariant variant) {
        Optional<String> chRun = Availability.onPath(CH_RUN, USUAL);
        if (chRun.isPresent()) {
            return Optional.of(chRun.get() + " (Debian: apt-get install charliecloud)");
        }
        boolean root;
        try {
            root = RunAs.self().root();
        } catch (LauncherException e) {
            return Optional.of(e.getMessage());
        }
        if (variant.root() && !root) {
            return Optional.of(variant.name() + " runs ch-run as root, and the launcher does not run as root");
        }
        if (!variant.root() && root) {
            Optional<String> setpriv = Availability.onPath("setpriv", "/usr/bin/setpriv");
            if (setpriv.isPresent()) {
                return Optional.of(setpriv.get() + " (util-linux), which " + variant.name() + " needs to run ch-run "
                        + "unprivileged from a root launcher");
            }
        }
        return ContainerKind.missing().map(reason -> "its image is exported from the container image, and " + reason);
    }

    /** ch-run's path: on PATH, else where Debian puts it. */
    static String chRunPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, CH_RUN))) {
                return Path.of(dir, CH_RUN).toString();
            }
        }
        return USUAL;
    }
}
