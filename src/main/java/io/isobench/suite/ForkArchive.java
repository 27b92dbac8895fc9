package io.isobench.suite;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The classes a JMH fork of the suite loads, for a JVM started with {@code -XX:ArchiveClassesAtExit} to write them into
 * a dynamic class-data archive that every fork of the environment then maps ({@code -XX:SharedArchiveFile}, see
 * {@link SuiteMain}'s {@code --fork-archive}). A fork spends most of its start loading, parsing and verifying JMH's and
 * the suite's classes; under TCG that was 1.7-3.2 s a fork, which the archive saves. What it loads: a non-forked run of
 * one cheap benchmark (JMH's runner, its infrastructure and a generated benchmark class) and the classes only a fork
 * loads (its main, its runner and the binary link to its parent). A fork that needs other classes loads them from the
 * jar as before; the archive changes where classes come from, not what runs once they are loaded. The launcher makes it
 * once per environment, in the environment, with the forks' own flags, and removes it when the environment ends.
 */
public final class ForkArchive {

    /** The benchmark run to load JMH's machinery: a loop of arithmetic, no files, no threads, no natives. */
    static final String BENCHMARK = "^\\Qio.isobench.cpu.ArithmeticLoopBenchmark.integerXorshift\\E$";

    /** Classes that a fork loads and a non-forked run does not. */
    static final List<String> FORK_ONLY = List.of("org.openjdk.jmh.runner.ForkedMain", "org.openjdk.jmh.runner.ForkedRunner",
            "org.openjdk.jmh.runner.link.BinaryLinkClient", "org.openjdk.jmh.runner.link.ActionPlanFrame",
            "org.openjdk.jmh.runner.link.ExceptionFrame", "org.openjdk.jmh.runner.link.FinishingFrame",
            "org.openjdk.jmh.runner.link.HandshakeInitFrame", "org.openjdk.jmh.runner.link.HandshakeResponseFrame",
            "org.openjdk.jmh.runner.link.InfraFrame", "org.openjdk.jmh.runner.link.OutputFormatFrame",
            "org.openjdk.jmh.runner.link.OutputFrame", "org.openjdk.jmh.runner.link.ResultMetadataFrame",
            "org.openjdk.jmh.runner.link.ResultsFrame");

    private ForkArchive() {
    }

    public static void main(String[] args) throws RunnerException, ClassNotFoundException {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        new Runner(new OptionsBuilder().include(BENCHMARK).forks(0).warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(10)).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10)).addProfiler(SchedulingProfiler.class).build(),
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT)).run();
        ClassLoader loader = ForkArchive.class.getClassLoader();
        for (String name : FORK_ONLY) {
            Class.forName(name, false, loader);
        }
    }
}
