package io.isobench.launcher.kind.podman;

import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.WorkDir;

import java.nio.file.Path;
import java.util.List;

/**
 * Idle Podman containers for {@code isobench density}: each an EchoPeer JVM on the host's network, started attached
 * and ready when it says it listens; its host processes are its conmon (Podman has no daemon).
 */
final class PodmanIdle implements IdleKind {

    private final PodmanVariant variant;
    private final Podman podman;
    private final String image;
    private final WorkDir work;
    private final String tag;
    private final List<String> options;

    private PodmanIdle(PodmanVariant variant, Podman podman, String image, WorkDir work, String tag) throws LauncherException {
        this.variant = variant;
        this.podman = podman;
        this.image = image;
        this.work = work;
        this.tag = tag;
        this.options = PodmanEnvironment.options(variant, tag, work.jar());
    }

    static PodmanIdle open(PodmanVariant variant, JvmRuntime jvm, Path jar) throws LauncherException, InterruptedException {
        Podman podman = PodmanEnvironment.podman(variant);
        String image = PodmanEnvironment.image(podman, jvm);
        WorkDir work = WorkDir.create("podman", podman.user(), jar);
        try {
            return new PodmanIdle(variant, podman, image, work, PodmanEnvironment.newTag());
        } catch (LauncherException e) {
            work.close();
            throw e;
        }
    }

    @Override
    public String label() {
        return variant.name();
    }

    @Override
    public String kind() {
        return PodmanVariant.KIND;
    }

    @Override
    public List<String> notes() {
        return List.of("runtime " + variant.runtime() + ", podman as " + podman.user().name()
                + (variant.rootless() ? " (rootless)" : "") + ", image " + image + ", the host's network",
                "host processes: the container's conmon");
    }

    @Override
    public Started start(int index) throws LauncherException, InterruptedException {
        String name = "isobench-density-" + tag + "-" + index;
        long start = System.nanoTime();
        PeerProcess peer;
        try {
            peer = podman.peer(name, options, image, PodmanEnvironment.JAVA, PodmanEnvironment.JAR);
        } catch (LauncherException e) {
            podman.remove(name);
            throw new LauncherException("container " + index + ": " + e.getMessage(), e);
        }
        double millis = FootprintWriter.millisSince(start);
        long conmon;
        try {
            conmon = podman.pid(name, "ConmonPid");
        } catch (LauncherException | InterruptedException e) {
            peer.close();
            podman.remove(name);
            throw e;
        }
        return IdleKind.started(millis, () -> Processes.pssBytes(conmon), () -> {
            peer.close();
            podman.remove(name);
        });
    }

    @Override
    public void close() {
        podman.removeLabelled(PodmanEnvironment.LABEL + "=" + tag);
        podman.endRootlessSession();
        work.close();
    }
}
