package io.isobench.launcher.kind.container;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.network.EchoPeer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Idle containers of one OCI runtime for {@code isobench density}: each runs an EchoPeer JVM on its own loopback, on
 * the engine's default bridge. The runtime and the jar are bind-mounted read-only, so their pages are shared in the
 * host's page cache as the suite's image layers are (copied into each container instead, every container would hold
 * its own copy of libjvm.so).
 */
public final class IdleContainers implements IdleKind {

    private static final String RUNTIME = "/opt/isobench/runtime";
    private static final String JAR = "/opt/isobench/benchmarks.jar";

    private final Docker docker;
    private final String runtime;
    private final String engineRuntime;
    private final String image;
    private final JvmRuntime jvm;
    private final Path jar;
    private final Map<String, String> labels;

    private IdleContainers(Docker docker, String runtime, String engineRuntime, String image, JvmRuntime jvm, Path jar,
                           Map<String, String> labels) {
        this.docker = docker;
        this.runtime = runtime;
        this.engineRuntime = engineRuntime;
        this.image = image;
        this.jvm = jvm;
        this.jar = jar;
        this.labels = labels;
    }

    /** Connects to the engine and checks the image and the runtime; one-line LauncherException when missing. */
    public static IdleContainers open(String runtime, String image, JvmRuntime jvm, Path jar, String runId)
            throws LauncherException {
        Docker docker = Docker.connect();
        docker.sweepLeftovers();
        if (!docker.imageExists(image)) {
            throw new LauncherException("image " + image + " does not exist locally and cannot be pulled here");
        }
        String engineRuntime = docker.runtimeName(runtime).orElseThrow(() ->
                new LauncherException(ContainerEnvironment.missingRuntime(runtime)));
        Map<String, String> labels = new java.util.HashMap<>(Docker.labels(runId));
        labels.put("io.isobench.density", runtime);
        return new IdleContainers(docker, runtime, engineRuntime, image, jvm, jar, Map.copyOf(labels));
    }

    @Override
    public String label() {
        return "container-" + runtime;
    }

    @Override
    public String kind() {
        return "container";
    }

    @Override
    public List<String> notes() {
        return List.of("runtime " + runtime + " (engine name " + engineRuntime + "), image " + image
                + ", the engine's default bridge", "the JVM runtime and the jar bind-mounted read-only (shared page cache, "
                + "as a layer baked into the image would be)", "host processes: the containerd shim"
                + (runtime.equals("runsc") ? ", gVisor's Sentry and Gofer" : ""));
    }

    @Override
    public Started start(int index) throws LauncherException, InterruptedException {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withLabels(labels)
                .withCommand(RUNTIME + "/bin/java", "-cp", JAR, EchoPeer.class.getName(), "--port", "0",
                        "--bind", "127.0.0.1")
                .withCreateContainerCmdModifier(cmd -> {
                    // The engine's own binds: Testcontainers' withFileSystemBind first probes file mounting with an
                    // alpine container, which cannot be pulled here.
                    HostConfig host = ContainerEnvironment.hostConfig(cmd).withBinds(
                            new Bind(jvm.home().toString(), new Volume(RUNTIME), AccessMode.ro),
                            new Bind(jar.toString(), new Volume(JAR), AccessMode.ro));
                    if (!runtime.equals("runc")) {
                        host.withRuntime(engineRuntime);
                    }
                })
                .waitingFor(Wait.forLogMessage(".*" + EchoPeer.READY + ".*", 1)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        long start = System.nanoTime();
        try {
            container.start();
        } catch (RuntimeException e) {
            String id = container.getContainerId();
            if (id != null) {
                docker.removeContainer(id);
            }
            throw new LauncherException("container " + index + ": " + LauncherException.rootMessage(e), e);
        }
        double millis = FootprintWriter.millisSince(start);
        String id = container.getContainerId();
        return IdleKind.started(millis, () -> ContainerProcesses.pssBytes(id), () -> docker.removeContainer(id));
    }

    /** Removes every container of this kind's run, also one whose start was cut short. */
    @Override
    public void close() {
        try {
            for (Container c : docker.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(labels).exec()) {
                docker.removeContainer(c.getId());
            }
        } catch (RuntimeException e) {
            io.isobench.launcher.core.Progress.warn(label() + ": cannot list containers to remove: "
                    + LauncherException.rootMessage(e));
        }
    }
}
