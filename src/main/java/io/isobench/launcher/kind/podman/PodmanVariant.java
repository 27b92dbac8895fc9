package io.isobench.launcher.kind.podman;

import java.util.List;

/**
 * A Podman environment as a value: the OCI runtime, and whether Podman runs rootless. One grammar for {@code --envs},
 * the environment directory's name and the variant environment.json records: the variant is the runtime, then
 * {@code -rootless} where it is ({@code runc}, {@code crun-rootless}); the name is {@code podman-} and the variant
 * ({@code podman-runc}, {@code podman-runc-rootless}). {@link #parse} and {@link #toString}, {@link #fromName} and
 * {@link #name} round-trip.
 */
public record PodmanVariant(String runtime, boolean rootless) {

    public static final String KIND = "podman";
    public static final List<String> RUNTIMES = List.of("runc", "crun");
    /** The main job's Podman environments when none are named. */
    public static final List<PodmanVariant> DEFAULTS = List.of(new PodmanVariant("runc", false),
            new PodmanVariant("crun", false), new PodmanVariant("runc", true));

    public PodmanVariant {
        if (!RUNTIMES.contains(runtime)) {
            throw new IllegalArgumentException("unknown Podman runtime '" + runtime + "' (runc or crun)");
        }
    }

    /** The variant as recorded: {@code runc}, {@code crun-rootless}. */
    public static PodmanVariant parse(String variant) {
        String[] parts = variant.split("-", -1);
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("rootless"))) {
            throw new IllegalArgumentException("unknown Podman variant '" + variant + "' (runc or crun, then -rootless "
                    + "or nothing)");
        }
        return new PodmanVariant(parts[0], parts.length == 2);
    }

    /** The variant a name ({@code podman-runc}) asks for. */
    public static PodmanVariant fromName(String name) {
        if (!name.startsWith(KIND + "-")) {
            throw new IllegalArgumentException("'" + name + "' is not a Podman environment (podman-runc, podman-crun, "
                    + "podman-runc-rootless, podman-crun-rootless)");
        }
        return parse(name.substring(KIND.length() + 1));
    }

    /** Whether {@code word} names a Podman environment. */
    public static boolean isName(String word) {
        try {
            fromName(word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String name() {
        return KIND + "-" + this;
    }

    @Override
    public String toString() {
        return runtime + (rootless ? "-rootless" : "");
    }
}
