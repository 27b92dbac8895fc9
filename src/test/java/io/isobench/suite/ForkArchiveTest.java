package io.isobench.suite;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the fork archive's JVM loads exists: its benchmark is one of the suite's, its fork-only classes are JMH's. */
class ForkArchiveTest {

    @Test
    void itsBenchmarkIsExactlyOneOfTheSuites() {
        Pattern pattern = Pattern.compile(ForkArchive.BENCHMARK);
        List<String> matched = BenchmarkSelection.select(List.of(".*")).stream()
                .flatMap(group -> group.methods().stream()).filter(m -> pattern.matcher(m).find()).toList();
        assertEquals(List.of("io.isobench.cpu.ArithmeticLoopBenchmark.integerXorshift"), matched);
    }

    @Test
    void theForkOnlyClassesAreJmhs() {
        for (String name : ForkArchive.FORK_ONLY) {
            assertDoesNotThrow(() -> Class.forName(name, false, ForkArchive.class.getClassLoader()), name);
        }
    }
}
