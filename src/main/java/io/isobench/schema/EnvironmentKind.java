package io.isobench.schema;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The kind of an environment as environment.json records it ({@link Fingerprint#kind()}): {@code host}, {@code container},
 * {@code vm}, or the id of a kind that a launcher registers (io.isobench.launcher.core.Kind). The launcher names the
 * kind; nothing reads it back from a directory name, except for results older than the fingerprint.
 */
public record EnvironmentKind(String id) {

    /** Declared before the kinds below: their construction checks against it. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public static final EnvironmentKind HOST = new EnvironmentKind("host");
    public static final EnvironmentKind CONTAINER = new EnvironmentKind("container");
    public static final EnvironmentKind VM = new EnvironmentKind("vm");
    /** A result that says nothing of its kind. */
    public static final EnvironmentKind OTHER = new EnvironmentKind("other");

    /** The launcher's own kinds, in the report's column order; other kinds follow them. */
    private static final List<EnvironmentKind> BUILT_IN = List.of(HOST, CONTAINER, VM);

    public EnvironmentKind {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a kind of environment: '" + id + "' (lower-case letters, digits, "
                    + "single dashes)");
        }
    }

    /** Whether {@code id} can name a kind. */
    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The kind a fingerprint records, or for results without one, what the directory name says. */
    public static EnvironmentKind of(String recorded, String directoryName) {
        return valid(recorded) ? new EnvironmentKind(recorded) : fromDirectoryName(directoryName);
    }

    /**
     * For results older than the fingerprint (or a bare JMH file) only: the launcher's directory names begin with their
     * kind ({@code host}, {@code host-b}, {@code container-bridge}, {@code vm-tcg}).
     */
    public static EnvironmentKind fromDirectoryName(String name) {
        if (name == null) {
            return OTHER;
        }
        for (EnvironmentKind kind : BUILT_IN) {
            if (name.equals(kind.id) || name.startsWith(kind.id + "-")) {
                return kind;
            }
        }
        return OTHER;
    }

    /** The report's column order: host, container, vm, then any other kind. */
    public int rank() {
        int index = BUILT_IN.indexOf(this);
        return index >= 0 ? index : BUILT_IN.size();
    }

    @Override
    public String toString() {
        return id;
    }
}
