package io.isobench.launcher.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A kind of environment (host, container, VM): the words that ask for it, the environments the main job plans of it,
 * whether it can run on this machine, and the idle instances that density starts of it. How one environment starts,
 * runs a command and closes is its {@link Environment} and {@link Instance}; the lifecycle around them is written once
 * ({@link Rounds}, {@link RunningEnvironment}).
 *
 * <p>One implementation per package under {@code launcher/kind}, listed in
 * {@code META-INF/services/io.isobench.launcher.core.Kind}: a line there adds a kind to the main job, density and the
 * report (see {@link Kinds}). Each lookup makes new instances, so a kind may keep the options it contributes.
 */
public interface Kind {

    /** Its word in {@code --envs}, and the {@code kind} that environment.json records: host, container, vm. */
    String id();

    /**
     * Whether the main job runs this kind when {@code --envs} names none. A kind that only makes sense when asked for
     * (or one that tests add) says no.
     */
    default boolean byDefault() {
        return true;
    }

    /** Whether {@code word} of {@code --envs} asks for this kind; a kind may accept more than its id (host-NAME). */
    default boolean answers(String word) {
        return word.equals(id());
    }

    /** The words this kind answers, for the usage text ({@code host, host-NAME}). */
    default String words() {
        return id();
    }

    /**
     * Options of the main job ({@code isobench bench}) that belong to this kind, as a picocli mixin (an object with
     * {@code @Option} fields), or null; {@link #plan} reads them.
     */
    default Object benchOptions() {
        return null;
    }

    /**
     * The main job's environments of this kind, for the words of {@code --envs} that asked for it. One that cannot run
     * here carries the reason ({@link Rounds.Planned#missing()}): the run fails at once when the kind was named in
     * {@code --envs}, unless the environment is {@link Rounds.Planned#optional()}, and skips it otherwise.
     *
     * @param named whether the kind was named in {@code --envs} (rather than planned by default)
     * @throws IllegalArgumentException with a one-line reason for options that cannot be planned
     */
    List<Rounds.Planned> plan(List<String> words, boolean named);

    /**
     * The density series of this kind that {@code isobench density --kinds} accepts (host; container-runc,
     * container-crun, ...; vm), the first being what the kind's id alone asks for.
     */
    List<String> idleNames();

    /** The density series of one of this kind's planned environments, for the main job's {@code --density}. */
    String idleName(Environment environment);

    /**
     * Whether its idle instances are guests with memory of their own, for which density also measures series with
     * kernel same-page merging and free page reporting.
     */
    default boolean guests() {
        return false;
    }

    /** Options of {@code isobench density} that belong to this kind, as a picocli mixin, or null. */
    default Object densityOptions() {
        return null;
    }

    /**
     * Opens series {@code name} (one of {@link #idleNames()}) of idle instances for density.
     *
     * @throws LauncherException with a one-line reason when this kind cannot start instances here
     */
    IdleKind openIdle(String name, Idle idle) throws LauncherException, InterruptedException;

    /** What density hands every kind: the runtime and jar its instances run, where consoles go, guests' settings. */
    record Idle(JvmRuntime jvm, Path jar, Path runDir, boolean pageReporting) {
    }
}
