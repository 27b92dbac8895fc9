package io.isobench.launcher.kind.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.RuntimeInfo;
import com.github.dockerjava.api.model.Statistics;
import io.isobench.launcher.core.LauncherException;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.Transferable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * What the launcher asks of the Docker engine beyond Testcontainers' lifecycle: streamed execs with exit codes,
 * memory and layer sizes, and removing what a crashed run left behind. Everything it makes carries {@link #LABEL}.
 */
public final class Docker {

    /** Every container, network and volume isobench makes carries this label ... */
    public static final String LABEL = "io.isobench";
    /** ... and the pid of the launcher that made it, so a later run can tell leftovers from a concurrent run. */
    public static final String LABEL_PID = "io.isobench.launcher-pid";

    private final DockerClient client;

    private Docker(DockerClient client) {
        this.client = client;
    }

    /** Connects, or fails with one line saying what to do. */
    public static Docker connect() throws LauncherException {
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            throw new LauncherException("set TESTCONTAINERS_RYUK_DISABLED=true (scripts/run-container.sh does): Ryuk's image "
                    + "cannot be pulled without a registry, and isobench removes its containers itself");
        }
        Optional<String> none = DockerProbe.missing();
        if (none.isPresent()) {
            throw new LauncherException(none.get() + ": start one (scripts/run-container.sh starts Debian's "
                    + "dockerd when run as root)");
        }
        return new Docker(DockerClientFactory.instance().client());
    }

    public DockerClient client() {
        return client;
    }

    public static Map<String, String> labels(String runId) {
        return Map.of(LABEL, "true", LABEL_PID, String.valueOf(ProcessHandle.current().pid()), "io.isobench.run", runId);
    }

    /** The result of an exec. */
    public record ExecResult(int exitCode, String output) {
    }

    /** Runs a command in a container, copying its output to {@code sink} as it comes, killed after the timeout. */
    public int exec(String containerId, List<String> command, OutputStream sink, long timeoutSeconds)
            throws LauncherException, InterruptedException {
        ExecCreateCmdResponse exec = client.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec();
        ResultCallback.Adapter<Frame> callback = client.execStartCmd(exec.getId())
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        try {
                            sink.write(frame.getPayload());
                            sink.flush();
                        } catch (IOException e) {
                            // The console went away; the results are still written in the container.
                        }
                    }
                });
        if (!callback.awaitCompletion(timeoutSeconds, TimeUnit.SECONDS)) {
            closeQuietly(callback);
            throw new LauncherException("'" + String.join(" ", command.subList(0, Math.min(2, command.size())))
                    + " ...' did not finish within " + timeoutSeconds + " s in container " + shortId(containerId));
        }
        Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        if (exit == null) {
            throw new LauncherException("lost the exec in container " + shortId(containerId) + ": did the Docker engine stop?");
        }
        return exit.intValue();
    }

    public ExecResult execCapture(String containerId, List<String> command, long timeoutSeconds)
            throws LauncherException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = exec(containerId, command, out, timeoutSeconds);
        return new ExecResult(rc, out.toString(StandardCharsets.UTF_8));
    }

    /** Memory in use by a container as {@code docker stats} reports it: cgroup usage less inactive page cache. */
    public long memoryUsageBytes(String containerId) throws LauncherException, InterruptedException {
        java.util.concurrent.CompletableFuture<Statistics> first = new java.util.concurrent.CompletableFuture<>();
        ResultCallback.Adapter<Statistics> callback = client.statsCmd(containerId).withNoStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Statistics statistics) {
                        first.complete(statistics);
                    }
                });
        try {
            Statistics stats = first.get(30, TimeUnit.SECONDS);
            var memory = stats.getMemoryStats();
            if (memory == null || memory.getUsage() == null) {
                throw new LauncherException("the Docker engine reported no memory usage for container " + shortId(containerId));
            }
            long inactive = 0;
            if (memory.getStats() != null) {
                Long v1 = memory.getStats().getTotalInactiveFile();
                Long v2 = memory.getStats().getInactiveFile();
                inactive = v1 != null ? v1 : v2 != null ? v2 : 0;
            }
            return memory.getUsage() - inactive;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LauncherException("cannot read the memory usage of container " + shortId(containerId) + ": " + e, e);
        } finally {
            closeQuietly(callback);
        }
    }

    public long imageBytes(String image) {
        Long size = client.inspectImageCmd(image).exec().getSize();
        return size == null ? -1 : size;
    }

    public long writableLayerBytes(String containerId) {
        Long size = client.inspectContainerCmd(containerId).withSize(true).exec().getSizeRw();
        return size == null ? -1 : size;
    }

    /**
     * The engine's name for an OCI runtime: Docker's default for runc; otherwise isobench's own registration
     * ({@code isobench-runsc}, with the arguments this machine needs, see scripts/lib.sh), else the runtime's own name.
     * Empty when the engine has neither.
     */
    public Optional<String> runtimeName(String runtime) {
        if (runtime.equals("runc")) {
            return Optional.of("runc");
        }
        Map<String, RuntimeInfo> runtimes = client.infoCmd().exec().getRuntimes();
        return pick(runtimes == null ? java.util.Set.of() : runtimes.keySet(), runtime);
    }

    /** Which of the engine's registered runtimes serves {@code runtime}: isobench's registration first, then its own name. */
    static Optional<String> pick(java.util.Set<String> registered, String runtime) {
        if (runtime.equals("runc")) {
            return Optional.of("runc");
        }
        return java.util.stream.Stream.of(ISOBENCH_RUNTIME_PREFIX + runtime, runtime).filter(registered::contains).findFirst();
    }

    /** The path of a registered runtime's binary, or the name itself when the engine does not say. */
    public String runtimePath(String name) {
        Map<String, RuntimeInfo> runtimes = client.infoCmd().exec().getRuntimes();
        RuntimeInfo info = runtimes == null ? null : runtimes.get(name);
        return info == null || info.getPath() == null ? name : info.getPath();
    }

    /** The prefix of the runtimes that scripts/lib.sh registers when it starts the engine. */
    public static final String ISOBENCH_RUNTIME_PREFIX = "isobench-";

    /** Whether the engine still answers a ping (it may have died during a run). */
    public boolean answers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean imageExists(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    /**
     * Removes a container and ends what still serves it on the host (see {@link ContainerProcesses}): its shim, gVisor's
     * processes, and its init as the engine reported it before the removal.
     */
    public void removeContainer(String id) {
        long initPid = 0;
        try {
            Long pid = client.inspectContainerCmd(id).exec().getState().getPidLong();
            initPid = pid == null ? 0 : pid;
        } catch (RuntimeException e) {
            // Gone already, or the engine does not answer: the shim and gVisor's processes are still found.
        }
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            // Already gone.
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            // 409 "removal already in progress": Testcontainers' own shutdown hook (active without Ryuk) got there
            // first on Ctrl-C; the container goes either way.
        } finally {
            ContainerProcesses.kill(id, initPid);
        }
    }

    /**
     * The host's address on a bridge network: its gateway, where a container reaches the host (what Docker's
     * {@code host-gateway} names on the default bridge).
     */
    public String gateway(String networkId) throws LauncherException {
        com.github.dockerjava.api.model.Network network = client.inspectNetworkCmd().withNetworkId(networkId).exec();
        List<com.github.dockerjava.api.model.Network.Ipam.Config> configs =
                network.getIpam() == null || network.getIpam().getConfig() == null ? List.of() : network.getIpam().getConfig();
        return configs.stream().map(com.github.dockerjava.api.model.Network.Ipam.Config::getGateway)
                .filter(gateway -> gateway != null && gateway.matches("[0-9.]+"))
                .findFirst()
                .orElseThrow(() -> new LauncherException("network " + network.getName() + " has no IPv4 gateway for the host's peer"));
    }

    /** The host port that Docker published for a container's {@code port}. */
    public int publishedPort(String containerId, com.github.dockerjava.api.model.ExposedPort port) throws LauncherException {
        com.github.dockerjava.api.model.Ports.Binding[] bindings = client.inspectContainerCmd(containerId).exec()
                .getNetworkSettings().getPorts().getBindings().get(port);
        if (bindings == null || bindings.length == 0 || bindings[0].getHostPortSpec() == null) {
            throw new LauncherException("Docker published no host port for " + port + " of container " + containerId);
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /** The engine's id of an image, {@code sha256:...}. */
    public String imageId(String image) {
        return client.inspectImageCmd(image).exec().getId();
    }

    /**
     * Builds image {@code tag} from a Dockerfile and the files beside it, as {@code docker build} does with a context
     * directory: {@code context} maps each name in the context to its content. The context is tarred into a temporary
     * file first (the runtime is ~80 MB), removed when the build ends. Nothing is pulled.
     */
    public void build(String dockerfile, Map<String, Transferable> context, String tag, Map<String, String> labels,
                      long timeoutSeconds) throws LauncherException, InterruptedException {
        Path tar = null;
        try {
            tar = Files.createTempFile("isobench-build-", ".tar");
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                Transferable.of(dockerfile).transferTo(out, "Dockerfile");
                for (Map.Entry<String, Transferable> file : context.entrySet()) {
                    file.getValue().transferTo(out, file.getKey());
                }
                out.finish();
            }
            try (InputStream in = Files.newInputStream(tar)) {
                client.buildImageCmd().withTarInputStream(in).withTags(java.util.Set.of(tag)).withLabels(labels)
                        .withPull(false).withRemove(true).withForcerm(true)
                        .exec(new BuildImageResultCallback()).awaitImageId(timeoutSeconds, TimeUnit.SECONDS);
            }
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("cannot build image " + tag + ": " + LauncherException.rootMessage(e), e);
        } finally {
            if (tar != null) {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException e) {
                    // In java.io.tmpdir; nothing else to do.
                }
            }
        }
    }

    /**
     * Unpacks the file system of {@code image} into {@code dir} as {@code docker create} and {@code docker export | tar -x}
     * would: the directory image that Charliecloud runs. Device nodes and Docker's marker file stay out (ch-run binds
     * the host's /dev). The container made for it carries {@code labels} and is removed.
     */
    public void export(String image, Path dir, Map<String, String> labels, long timeoutSeconds)
            throws LauncherException, InterruptedException {
        String id = client.createContainerCmd(image).withCmd("true").withLabels(labels).exec().getId();
        Process tar = null;
        try {
            tar = new ProcessBuilder("tar", "-x", "-C", dir.toString(), "--exclude=dev/*", "--exclude=.dockerenv")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream exported = client.exportContainerCmd(id).exec(); OutputStream in = tar.getOutputStream()) {
                exported.transferTo(in);
            }
            if (!tar.waitFor(timeoutSeconds, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                throw new LauncherException("tar could not unpack the export of " + image + " into " + dir
                        + (tar.isAlive() ? " within " + timeoutSeconds + " s" : " (exit " + tar.exitValue() + ")"));
            }
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("cannot export image " + image + ": " + LauncherException.rootMessage(e), e);
        } finally {
            if (tar != null) {
                tar.destroyForcibly();
            }
            removeContainer(id);
        }
    }

    /** Streams {@code docker save IMAGE} (a tar of its layers and their config) into {@code out}. */
    public void save(String image, OutputStream out) throws LauncherException {
        try (InputStream saved = client.saveImageCmd(image).exec()) {
            saved.transferTo(out);
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("cannot save image " + image + ": " + LauncherException.rootMessage(e), e);
        }
    }

    /** Bytes of {@code docker save IMAGE | gzip} (gzip's default level, 6), streamed: nothing is written to disk. */
    public long savedGzipBytes(String image) throws LauncherException {
        CountingStream count = new CountingStream();
        try (InputStream saved = client.saveImageCmd(image).exec();
             GZIPOutputStream gzip = new GZIPOutputStream(count, 1 << 16)) {
            saved.transferTo(gzip);
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("cannot save image " + image + ": " + LauncherException.rootMessage(e), e);
        }
        return count.bytes;
    }

    /** How {@link #savedGzipBytes} compresses, as the footprint says it. */
    public static final String SAVED_GZIP = "docker save | gzip -6";

    /** An output stream that only counts. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** Removes an image by tag (its layers go with it unless another image shares them); gone already is fine. */
    public void removeImage(String image) {
        try {
            client.removeImageCmd(image).withForce(true).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            // Already gone.
        }
    }

    /** Removes containers, networks, volumes and images of isobench launchers that are no longer running. */
    public void sweepLeftovers() {
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(LABEL_PID)).exec()) {
            if (orphaned(container.getLabels())) {
                removeContainer(container.getId());
            }
        }
        client.listNetworksCmd().exec().stream()
                .filter(network -> network.getLabels() != null && orphaned(network.getLabels()))
                .forEach(network -> client.removeNetworkCmd(network.getId()).exec());
        var volumes = client.listVolumesCmd().exec().getVolumes();
        if (volumes != null) {
            volumes.stream().filter(volume -> volume.getLabels() != null && orphaned(volume.getLabels()))
                    .forEach(volume -> client.removeVolumeCmd(volume.getName()).exec());
        }
        client.listImagesCmd().withLabelFilter(LABEL_PID).exec().stream()
                .filter(image -> image.getLabels() != null && orphaned(image.getLabels()))
                .forEach(image -> removeImage(image.getId()));
    }

    private static boolean orphaned(Map<String, String> labels) {
        String pid = labels.get(LABEL_PID);
        if (pid == null) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Best effort.
        }
    }
}
