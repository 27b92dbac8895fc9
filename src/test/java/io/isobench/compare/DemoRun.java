package io.isobench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic but plausible run directory (host, container-bridge, vm-kvm and optionally vm-tcg) for the
 * performance test, the page check and the screenshot: {@code java -cp ... io.isobench.compare.DemoRun DIR [tcg]}.
 */
public final class DemoRun {

    private record Spec(String name, String mode, String unit, double host, double container, double kvm,
                        double tcg, Map<String, String> params) {
    }

    private static final List<Spec> SPECS = List.of(
            spec("syscall.JnaCallBenchmark.libcAbs", "avgt", "ns/op", 38, 1.00, 1.02, 9),
            spec("syscall.ParentPidGetBenchmark.rawSyscall", "avgt", "ns/op", 95, 1.35, 1.10, 14),
            spec("syscall.ClockReadBenchmark.libcClockGettime", "avgt", "ns/op", 60, 1.00, 1.45, 30),
            spec("syscall.ClockReadBenchmark.javaNanoTime", "avgt", "ns/op", 21, 1.00, 1.60, 40),
            spec("syscall.FileStatBenchmark.libcStat", "avgt", "ns/op", 640, 1.18, 1.12, 11),
            spec("syscall.FileOpenCloseBenchmark.libcOpenClose", "avgt", "ns/op", 1900, 1.22, 1.15, 10),
            spec("syscall.DevZeroReadBenchmark.libcRead", "avgt", "ns/op", 310, 1.25, 1.08, 12),
            spec("fileio.RandomReadBenchmark.pageCacheHot", "avgt", "ns/op", 900, 1.02, 1.05, 8),
            spec("fileio.SyncWriteLatencyBenchmark.writeFsync", "avgt", "us/op", 480, 1.05, 1.9, 6),
            spec("fileio.SmallFileChurnBenchmark.createWriteDelete", "avgt", "us/op", 22, 1.4, 1.3, 9),
            spec("fileio.SequentialWriteBenchmark.write", "thrpt", "ops/s", 5200, 0.97, 0.7, 0.1,
                    "size", "65536", "sync", "buffered"),
            spec("network.SocketRoundTripBenchmark.roundTrip", "avgt", "us/op", 9.5, 1.0, 1.1, 7,
                    "transport", "tcp", "size", "1"),
            spec("network.SocketRoundTripBenchmark.roundTrip", "avgt", "us/op", 6.1, 1.0, 1.05, 7,
                    "transport", "unix", "size", "1"),
            spec("network.PeerRoundTripBenchmark.roundTrip", "avgt", "us/op", 28, 1.55, 1.8, 6, "size", "1024"),
            spec("network.TcpConnectBenchmark.connectClose", "avgt", "us/op", 41, 1.3, 1.2, 8),
            spec("network.TcpBulkTransferBenchmark.send", "thrpt", "ops/s", 18000, 0.8, 0.75, 0.12),
            spec("cpu.ArithmeticLoopBenchmark.integerXorshift", "avgt", "us/op", 120, 1.00, 1.01, 25),
            spec("cpu.ArithmeticLoopBenchmark.floatingPointIteration", "avgt", "us/op", 210, 1.00, 1.02, 40),
            spec("cpu.Sha256DigestBenchmark.digest", "avgt", "us/op", 3.4, 1.00, 1.03, 30),
            spec("memory.MemoryCopyBenchmark.arraycopy", "avgt", "us/op", 85, 1.00, 1.04, 12),
            spec("memory.PageFaultBenchmark.firstTouch", "avgt", "ns/op", 260, 1.02, 2.1, 20),
            spec("process.ProcessSpawnBenchmark.spawnWait", "avgt", "us/op", 900, 1.15, 1.6, 18),
            spec("process.ThreadStartBenchmark.startJoin", "avgt", "us/op", 55, 1.0, 1.3, 15));

    private DemoRun() {
    }

    private static Spec spec(String name, String mode, String unit, double host, double container, double kvm,
                             double tcg, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new Spec("io.isobench." + name, mode, unit, host, container, kvm, tcg, p);
    }

    /** Writes {@code count} benchmarks (the real ones, then parameter variants) into host, container and VM dirs. */
    public static Path write(Path runDir, int count, boolean withTcg) throws IOException {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; specs.size() < count; i++) {
            Spec s = SPECS.get(i % SPECS.size());
            if (i >= SPECS.size()) {
                Map<String, String> p = new LinkedHashMap<>(s.params());
                p.put("variant", Integer.toString(i / SPECS.size()));
                s = new Spec(s.name(), s.mode(), s.unit(), s.host(), s.container(), s.kvm(), s.tcg(), p);
            }
            specs.add(s);
        }
        List<String> envs = new ArrayList<>(List.of("host", "container-bridge", "vm-kvm"));
        if (withTcg) {
            envs.add("vm-tcg");
        }
        long seed = 1;
        for (String env : envs) {
            List<Fixtures.Bench> benches = new ArrayList<>();
            for (Spec s : specs) {
                double factor = switch (env) {
                    case "container-bridge" -> s.container();
                    case "vm-kvm" -> s.kvm();
                    case "vm-tcg" -> s.tcg();
                    default -> 1.0;
                };
                double mean = s.host() * factor;
                double noise = env.equals("vm-tcg") ? 0.06 : s.name().contains("Fsync") ? 0.08 : 0.015;
                benches.add(Fixtures.bench(s.name(), s.mode(), s.unit(), mean, mean * noise, seed++, 3, 5)
                        .withParams(s.params()));
            }
            String kind = env.equals("host") ? "host" : env.startsWith("container") ? "container" : "vm";
            String accel = env.equals("vm-kvm") ? "kvm" : env.equals("vm-tcg") ? "tcg" : "none";
            Map<String, Object> footprint = new LinkedHashMap<>();
            switch (kind) {
                case "host" -> {
                    footprint.put("jvmStartMillis", Map.of("median", 310, "samples", List.of(301, 310, 334)));
                    footprint.put("idleMemoryBytes", 41L << 20);
                }
                case "container" -> {
                    footprint.put("imageBytes", 231L << 20);
                    footprint.put("startToReadyMillis", Map.of("median", 780, "samples", List.of(760, 780, 905)));
                    footprint.put("jvmStartMillis", 330);
                    footprint.put("idleMemoryBytes", 47L << 20);
                    footprint.put("writableLayerBytes", 12288);
                }
                default -> {
                    footprint.put("baseImageBytes", 620L << 20);
                    footprint.put("kernelInitrdBytes", 42L << 20);
                    footprint.put("overlayBytes", 9L << 20);
                    footprint.put("bootToInitMillis", accel.equals("tcg") ? 21000 : 1400);
                    footprint.put("bootToJvmReadyMillis", accel.equals("tcg") ? 38000 : 2300);
                    footprint.put("idleMemoryBytes", 310L << 20);
                    footprint.put("jvmStartMillis", accel.equals("tcg") ? 9000 : 420);
                }
            }
            Fixtures.envDir(runDir, env, benches, Fixtures.fingerprint(env, kind, accel), footprint);
        }
        return runDir;
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 2 ? Integer.parseInt(args[2]) : SPECS.size();
        write(Path.of(args[0]), count, args.length > 1 && args[1].equals("tcg"));
    }
}
