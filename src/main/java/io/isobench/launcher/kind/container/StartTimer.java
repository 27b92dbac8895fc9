package io.isobench.launcher.kind.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.LauncherException;
import org.testcontainers.containers.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Start-to-ready time of a container: create, start, and the first exec returning, on the engine's API without
 * Testcontainers' own waiting. One unrecorded start warms the caches, then {@link FootprintWriter#SAMPLES} are kept.
 */
final class StartTimer {

    private static final long EXEC_TIMEOUT_SECONDS = 60;

    private final Docker docker;
    private final String image;
    private final Map<String, String> labels;
    private final Network network;
    private final Consumer<CreateContainerCmd> limits;

    StartTimer(Docker docker, String image, Map<String, String> labels, Network network, Consumer<CreateContainerCmd> limits) {
        this.docker = docker;
        this.image = image;
        this.labels = labels;
        this.network = network;
        this.limits = limits;
    }

    List<Double> measure() throws LauncherException, InterruptedException {
        once();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < FootprintWriter.SAMPLES; i++) {
            samples.add(once());
        }
        return samples;
    }

    private double once() throws LauncherException, InterruptedException {
        long start = System.nanoTime();
        CreateContainerCmd create = docker.client().createContainerCmd(image).withCmd("sleep", "infinity").withLabels(labels);
        limits.accept(create);
        ContainerEnvironment.hostConfig(create).withNetworkMode(network != null ? network.getId() : "host");
        String id = create.exec().getId();
        try {
            docker.client().startContainerCmd(id).exec();
            Docker.ExecResult ready = docker.execCapture(id, List.of("true"), EXEC_TIMEOUT_SECONDS);
            if (ready.exitCode() != 0) {
                throw new LauncherException("the first exec in a fresh container failed: " + ready.output().strip());
            }
            return FootprintWriter.millisSince(start);
        } finally {
            docker.removeContainer(id);
        }
    }
}
