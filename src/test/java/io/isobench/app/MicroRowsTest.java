package io.isobench.app;

import io.isobench.suite.Area;
import io.isobench.suite.BenchmarkSelection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicroRowsTest {

    @Test
    void everyApplicationRowIsExplainedByMicroRowsThatExist() throws Exception {
        Set<String> suite = BenchmarkSelection.select(List.of(".*")).stream().flatMap(g -> g.methods().stream())
                .collect(Collectors.toSet());
        List<String> apps = suite.stream().filter(name -> Area.of(name) == Area.APP).sorted().toList();
        assertEquals(List.of("io.isobench.app.HttpServiceBenchmark.keepAlive",
                "io.isobench.app.HttpServiceBenchmark.keepAliveThroughput",
                "io.isobench.app.HttpServiceBenchmark.newConnection",
                "io.isobench.app.RandomUpdateBenchmark.update",
                "io.isobench.app.SqliteCommitBenchmark.insertCommit",
                "io.isobench.app.StreamTriadBenchmark.triad"), apps);
        for (String app : apps) {
            List<MicroRows.Micro> micros = MicroRows.of(app);
            assertFalse(micros.isEmpty(), app + " names the micro rows that explain it");
            for (MicroRows.Micro micro : micros) {
                assertTrue(suite.contains(micro.benchmark()), app + ": " + micro.benchmark() + " is a benchmark");
                assertTrue(Area.of(micro.benchmark()) != Area.APP, app + ": a micro row is of another area");
                assertFalse(micro.why().isBlank());
                Class<?> type = Class.forName(micro.benchmark().substring(0, micro.benchmark().lastIndexOf('.')));
                for (Map.Entry<String, String> param : micro.params().entrySet()) {
                    Field field = type.getField(param.getKey());
                    assertTrue(Arrays.asList(field.getAnnotation(Param.class).value()).contains(param.getValue()),
                            app + ": " + micro.benchmark() + " has " + param);
                }
            }
        }
    }

    @Test
    void aMethodsOwnRowsComeFirstThenItsClasss() {
        List<MicroRows.Micro> keepAlive = MicroRows.of("io.isobench.app.HttpServiceBenchmark.keepAlive");
        assertEquals(List.of("io.isobench.network.PeerInboundBenchmark.roundTrip",
                "io.isobench.sched.ThreadWakeupBenchmark.roundTrip"), keepAlive.stream().map(MicroRows.Micro::benchmark)
                .toList());
        assertEquals(Map.of("mechanism", "futex"), keepAlive.get(1).params());
        assertEquals(List.of("io.isobench.fileio.SyncWriteLatencyBenchmark.writeFsync"),
                MicroRows.of("io.isobench.app.SqliteCommitBenchmark.insertCommit").stream()
                        .map(MicroRows.Micro::benchmark).toList(), "declared on the class");
        assertTrue(MicroRows.of("io.isobench.app.NoSuchBenchmark.x").isEmpty());
        assertTrue(MicroRows.of("io.isobench.cpu.Sha256DigestBenchmark.digest").isEmpty());
        assertTrue(MicroRows.of("nodot").isEmpty());
    }

    @Test
    void aMicroRowMatchesItsBenchmarkWithItsParameters() {
        MicroRows.Micro chase = MicroRows.of("io.isobench.app.RandomUpdateBenchmark.update").get(0);
        String name = "io.isobench.memory.PointerChaseBenchmark.chase";
        assertTrue(chase.matches(name, Map.of("pages", "4k", "workingSetMiB", "1024")));
        assertFalse(chase.matches(name, Map.of("pages", "thp", "workingSetMiB", "1024")));
        assertFalse(chase.matches(name, Map.of()));
        assertFalse(chase.matches("io.isobench.memory.PointerChaseBenchmark.other", Map.of("pages", "4k")));
    }

    @Test
    void everyExplainedMethodIsABenchmarkMethod() throws Exception {
        for (Class<?> type : List.of(HttpServiceBenchmark.class, SqliteCommitBenchmark.class, StreamTriadBenchmark.class,
                RandomUpdateBenchmark.class)) {
            for (Method method : type.getMethods()) {
                if (method.getAnnotationsByType(ExplainedBy.class).length > 0) {
                    assertTrue(method.isAnnotationPresent(Benchmark.class), type.getSimpleName() + "." + method.getName());
                }
            }
        }
    }
}
