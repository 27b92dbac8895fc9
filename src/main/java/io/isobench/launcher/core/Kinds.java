package io.isobench.launcher.core;

import io.isobench.schema.EnvironmentKind;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registry of environment kinds: every {@link Kind} listed in {@code META-INF/services/io.isobench.launcher.core.Kind}
 * on the class path, the launcher's own first (host, container, vm), then the others by id.
 */
public final class Kinds {

    private final List<Kind> kinds;

    private Kinds(List<Kind> kinds) {
        this.kinds = kinds;
    }

    /** New instances of every registered kind (each holds the options it contributes to one command). */
    public static Kinds load() {
        List<Kind> kinds = ServiceLoader.load(Kind.class, Kinds.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        for (Kind kind : kinds) {
            if (!EnvironmentKind.valid(kind.id())) {
                throw new IllegalStateException(kind.getClass().getName() + " has the id '" + kind.id()
                        + "', which cannot name a kind (lower-case letters, digits, single dashes)");
            }
        }
        return new Kinds(kinds.stream().sorted(Comparator.comparingInt((Kind kind) -> new EnvironmentKind(kind.id()).rank())
                .thenComparing(Kind::id)).toList());
    }

    public List<Kind> all() {
        return kinds;
    }

    /** The kind that a word of {@code --envs} asks for. */
    public Optional<Kind> answering(String word) {
        return kinds.stream().filter(kind -> kind.answers(word)).findFirst();
    }

    /** The kind whose density series {@code name} is. */
    public Optional<Kind> withIdleName(String name) {
        return kinds.stream().filter(kind -> kind.idleNames().contains(name)).findFirst();
    }

    /** The words of {@code --envs}, for messages: {@code host, host-NAME, container, vm}. */
    public String words() {
        return kinds.stream().map(Kind::words).collect(Collectors.joining(", "));
    }

    /** Every density series name, for messages. */
    public List<String> idleNames() {
        return kinds.stream().flatMap(kind -> kind.idleNames().stream()).toList();
    }
}
