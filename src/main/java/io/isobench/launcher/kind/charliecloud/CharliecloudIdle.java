package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.RunAs;
import io.isobench.launcher.core.WorkDir;

import java.nio.file.Path;
import java.util.List;

/**
 * Idle Charliecloud instances for {@code isobench density}: each is an EchoPeer JVM under ch-run on the host's
 * loopback, from the one directory image (its pages shared in the host's page cache). ch-run execs the JVM and leaves
 * no process of its own, so an instance's host memory is the JVM's.
 */
final class CharliecloudIdle implements IdleKind {

    private final CharliecloudVariant variant;
    private final RunAs user;
    private final CharliecloudImage image;
    private final WorkDir work;
    private final ChRun chRun;

    private CharliecloudIdle(CharliecloudVariant variant, RunAs user, CharliecloudImage image, WorkDir work, String tag) {
        this.variant = variant;
        this.user = user;
        this.image = image;
        this.work = work;
        this.chRun = new ChRun(user, image.dir(), CharliecloudImage.binds(work.jar(), work.dir().resolve("results"),
                work.bench()), tag);
    }

    static CharliecloudIdle open(CharliecloudVariant variant, String image, JvmRuntime jvm, Path jar)
            throws LauncherException, InterruptedException {
        ChProcesses.sweepOrphans();
        RunAs user = CharliecloudEnvironment.user(variant);
        CharliecloudImage prepared = CharliecloudImage.ensure(image, jvm);
        return new CharliecloudIdle(variant, user, prepared, WorkDir.create("charliecloud", user, jar), ChProcesses.newTag());
    }

    @Override
    public String label() {
        return variant.name();
    }

    @Override
    public String kind() {
        return CharliecloudVariant.KIND;
    }

    @Override
    public List<String> notes() {
        return List.of("ch-run as " + user.name() + " (" + variant + "), the host's network", "image directory "
                + image.dir() + " (exported from " + image.dockerImage() + "), its pages shared in the host's page cache",
                "host processes: none besides the JVM (ch-run execs it)");
    }

    @Override
    public Started start(int index) throws LauncherException, InterruptedException {
        long start = System.nanoTime();
        PeerProcess peer;
        try {
            peer = PeerProcess.start(chRun.command(PeerProcess.command(CharliecloudImage.JAVA, CharliecloudImage.JAR,
                    "127.0.0.1")));
        } catch (LauncherException e) {
            throw new LauncherException("instance " + index + ": " + e.getMessage(), e);
        }
        double millis = FootprintWriter.millisSince(start);
        return IdleKind.started(millis, () -> Processes.pssBytes(peer.pid()), peer::close);
    }

    @Override
    public void close() {
        ChProcesses.kill(chRun.tag());
        work.close();
    }
}
