package io.isobench.launcher.kind.charliecloud;

/**
 * A Charliecloud environment as a value: who runs {@code ch-run}. One grammar for {@code --envs}, the environment
 * directory's name and the variant that environment.json records. The variant is {@code unprivileged} (the default, as
 * HPC sites run it: an ordinary user, in a user namespace of its own) or {@code root}; the name is the kind, then the
 * variant unless it is the default: {@code charliecloud}, {@code charliecloud-root} ({@code charliecloud-unprivileged}
 * is read as {@code charliecloud}). {@link #parse} and {@link #toString}, {@link #fromName} and {@link #name} round-trip.
 */
public record CharliecloudVariant(boolean root) {

    public static final String KIND = "charliecloud";
    public static final CharliecloudVariant UNPRIVILEGED = new CharliecloudVariant(false);
    public static final CharliecloudVariant ROOT = new CharliecloudVariant(true);

    /** The variant as environment.json records it: {@code unprivileged} or {@code root}. */
    public static CharliecloudVariant parse(String variant) {
        return switch (variant) {
            case "unprivileged" -> UNPRIVILEGED;
            case "root" -> ROOT;
            default -> throw new IllegalArgumentException("unknown Charliecloud variant '" + variant
                    + "' (unprivileged or root)");
        };
    }

    /** The variant an environment's name ({@code charliecloud}, {@code charliecloud-root}) or a word of --envs asks for. */
    public static CharliecloudVariant fromName(String name) {
        if (name.equals(KIND)) {
            return UNPRIVILEGED;
        }
        if (!name.startsWith(KIND + "-")) {
            throw new IllegalArgumentException("'" + name + "' is not a Charliecloud environment (charliecloud, "
                    + "charliecloud-root)");
        }
        return parse(name.substring(KIND.length() + 1));
    }

    /** Whether {@code word} names a Charliecloud environment. */
    public static boolean isName(String word) {
        try {
            fromName(word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The environment directory's name: {@code charliecloud} or {@code charliecloud-root}. */
    public String name() {
        return root ? KIND + "-root" : KIND;
    }

    @Override
    public String toString() {
        return root ? "root" : "unprivileged";
    }
}
