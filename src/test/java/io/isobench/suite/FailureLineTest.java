package io.isobench.suite;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureLineTest {

    @Test
    void theExceptionAfterJmhsFailureMarkerIsTheReason() {
        FailureLine failures = new FailureLine();
        PrintStream out = new PrintStream(failures, true);
        out.println("# Benchmark: io.isobench.fileio.SmallFileChurnBenchmark.createWriteDelete");
        out.println("java.io.IOException: not a failure yet");
        assertEquals(Optional.empty(), failures.first());
        out.println("<failure>");
        out.println();
        out.println("java.io.IOException: No space left on device");
        out.println("\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)");
        out.println("<failure>");
        out.println("java.lang.IllegalStateException: a later one");
        assertEquals(Optional.of("java.io.IOException: No space left on device"), failures.first());
        failures.reset();
        assertEquals(Optional.empty(), failures.first(), "each class starts afresh");
    }
}
