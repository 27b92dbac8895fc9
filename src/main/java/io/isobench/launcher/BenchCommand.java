package io.isobench.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.isobench.launcher.container.ContainerEnvironment;
import io.isobench.launcher.container.ContainerOptions;
import io.isobench.launcher.host.HostEnvironment;
import io.isobench.launcher.vm.VmEnvironment;
import io.isobench.launcher.vm.VmOptions;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.ResultLayout;
import io.isobench.suite.SuiteMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code isobench bench}, the main job behind {@code mvn verify -Pbench}: host, then the container variants, then the VM,
 * in sequence into one run directory, then the comparison. An environment that cannot run here is skipped with its
 * reason, unless it was asked for by name; one that fails keeps what it wrote, and the others still run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole matrix (host, container, vm) and compare the results.")
public final class BenchCommand implements Callable<Integer> {

    private static final List<String> ALL = List.of("host", "container", "vm");

    @Mixin
    RunOptions options;

    @Option(names = "--envs", defaultValue = "",
            description = "Comma-separated subset of host,container,vm (default: all that can run here; named ones must).")
    String envs;

    @Option(names = "--container-variants", defaultValue = "bridge",
            description = "Comma-separated container variants, e.g. bridge,host,bridge-unconfined,bridge-volume (default: ${DEFAULT-VALUE}).")
    String containerVariants;

    private record Planned(String kind, Environment environment, Optional<String> missing) {
    }

    @Override
    public Integer call() throws Exception {
        List<String> asked = envs.isBlank() ? List.of()
                : Arrays.stream(envs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String env : asked) {
            if (!ALL.contains(env)) {
                throw new IllegalArgumentException("unknown environment '" + env + "' in --envs (use host, container, vm)");
            }
        }
        List<Planned> plan = plan(asked.isEmpty() ? ALL : asked);
        for (Planned planned : plan) {
            if (planned.missing().isPresent() && asked.contains(planned.kind())) {
                throw new LauncherException(planned.kind() + " was asked for but cannot run here: " + planned.missing().get());
            }
        }
        RunSpec spec = options.toSpec();
        Progress.say("run " + spec.runId() + " (" + spec.profile().id() + ") into " + spec.runDir());
        ArrayNode record = JsonFiles.MAPPER.createArrayNode();
        boolean allGood = true;
        for (Planned planned : plan) {
            String name = planned.environment().name();
            if (planned.missing().isPresent()) {
                Progress.warn(name + " skipped: " + planned.missing().get());
                record.addObject().put("env", name).put("status", "skipped").put("reason", planned.missing().get());
            } else {
                try {
                    int rc = Runs.runOne(planned.environment(), spec);
                    String status = rc == 0 ? "complete" : rc == SuiteMain.EXIT_PARTIAL ? "partial" : "failed";
                    record.addObject().put("env", name).put("status", status)
                            .put("reason", rc == 0 ? "" : rc == SuiteMain.EXIT_PARTIAL
                                    ? "some benchmarks failed; see " + name + "/environment.json and jmh.log"
                                    : "the suite runner exited " + rc + "; see " + name + "/jmh.log");
                    allGood &= rc == 0;
                } catch (LauncherException e) {
                    Progress.warn(name + " failed: " + e.getMessage());
                    record.addObject().put("env", name).put("status", "failed").put("reason", e.getMessage());
                    allGood = false;
                }
            }
            JsonFiles.write(ResultLayout.environmentsJson(spec.runDir()), record);
        }
        int compared = Reports.compare(spec.runDir());
        if (compared != 0 || anyFailed(record)) {
            return 1;
        }
        if (!allGood) {
            Progress.warn("some benchmarks failed (see " + ResultLayout.environmentsJson(spec.runDir()) + " and the report)");
            return SuiteMain.EXIT_PARTIAL;
        }
        return 0;
    }

    private static boolean anyFailed(ArrayNode record) {
        for (var entry : record) {
            if (entry.path("status").asText().equals("failed")) {
                return true;
            }
        }
        return false;
    }

    private List<Planned> plan(List<String> kinds) {
        List<Planned> plan = new ArrayList<>();
        for (String kind : ALL) {
            if (!kinds.contains(kind)) {
                continue;
            }
            switch (kind) {
                case "host" -> plan.add(new Planned(kind, new HostEnvironment(Paths.get(HostEnvironment.DEFAULT_BENCH_DIR)),
                        Optional.empty()));
                case "container" -> {
                    Optional<String> missing = Availability.containerMissing();
                    for (String variant : containerVariants.split(",")) {
                        plan.add(new Planned(kind, new ContainerEnvironment(ContainerOptions.ofVariant(variant.trim())), missing));
                    }
                }
                case "vm" -> plan.add(new Planned(kind, new VmEnvironment(VmOptions.defaults()), Availability.vmMissing()));
                default -> throw new IllegalStateException(kind);
            }
        }
        return plan;
    }

}
