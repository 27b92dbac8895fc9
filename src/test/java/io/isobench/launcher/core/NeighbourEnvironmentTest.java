package io.isobench.launcher.core;

import io.isobench.load.LoadControl;
import io.isobench.load.LoadGenerator;
import io.isobench.load.LoadKind;
import io.isobench.schema.Neighbours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decorator around a fake instance whose siblings run the real load generator in threads of this JVM: the load
 * runs during steps and only then, every sibling and control directory is gone after close, and a sibling that never
 * gets ready stops the start with what it made removed.
 */
class NeighbourEnvironmentTest {

    @TempDir
    Path tmp;

    /** A fake environment: its instance notes, for each command, how many siblings were loading while it ran. */
    private final class Fake implements Environment, Instance {

        final List<Path> controls = new CopyOnWriteArrayList<>();
        final List<Thread> generators = new CopyOnWriteArrayList<>();
        final List<String> seen = new ArrayList<>();
        boolean closed;
        boolean siblingsStart = true;

        @Override
        public String name() {
            return "container-bridge";
        }

        @Override
        public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) {
            return this;
        }

        @Override
        public SuiteCommand suite() {
            return new SuiteCommand("java", "benchmarks.jar", "/results", tmp.resolve("bench").toString(), null, null);
        }

        @Override
        public SuiteCommand.Identity identity() {
            return new SuiteCommand.Identity("container-bridge", "container", "bridge", "none");
        }

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds) {
            long loading = controls.stream().filter(c -> Files.exists(c.resolve(LoadControl.LOADING))).count();
            seen.add(command.get(0) + ":" + loading);
            return command.get(0).equals("fail") ? 1 : 0;
        }

        @Override
        public Neighbour startNeighbour(int index, NeighbourSpec neighbours, Path control) {
            controls.add(control);
            if (!siblingsStart) {
                return () -> { };
            }
            List<String> command = neighbours.command("java", "jar", control.toString(), tmp.resolve("io").toString());
            List<String> args = new ArrayList<>(command.subList(command.indexOf(LoadGenerator.class.getName()) + 1,
                    command.size()));
            args.addAll(List.of("--threads", "1"));
            Thread generator = new Thread(() -> new CommandLine(new LoadGenerator()).execute(args.toArray(String[]::new)));
            generator.start();
            generators.add(generator);
            return () -> {
                try {
                    generator.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }

        @Override
        public Path resultsOnHost() {
            return tmp;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theSiblingsLoadDuringStepsOnlyAndNothingOutlivesClose() throws Exception {
        for (LoadKind load : LoadKind.values()) {
            Fake fake = new Fake();
            NeighbourEnvironment environment = new NeighbourEnvironment(fake, new NeighbourSpec(2, load));
            assertEquals("container-bridge-nb2" + load.id(), environment.name());
            Instance instance = environment.start(null, tmp, null);
            assertEquals("container-bridge-nb2" + load.id(), instance.identity().name(), "the suite records the twin's name");

            assertEquals(0, instance.exec(List.of("mkdir"), new ByteArrayOutputStream(), 10));
            assertEquals(0, instance.runStep(List.of("step"), new ByteArrayOutputStream(), 60));
            assertEquals(1, instance.runStep(List.of("fail"), new ByteArrayOutputStream(), 60));
            assertEquals(0, instance.exec(List.of("after"), new ByteArrayOutputStream(), 10));
            assertEquals(List.of("mkdir:0", "step:2", "fail:2", "after:0"), fake.seen, load.id());

            Neighbours recorded = instance.neighbours();
            assertEquals(2, recorded.count());
            assertEquals(load.id(), recorded.load());
            assertEquals("container-bridge", recorded.alone());
            assertEquals(1, recorded.threadsEach());
            assertEquals(2, recorded.bursts());
            assertTrue(recorded.loadedSeconds() > 0);

            instance.close();
            assertTrue(fake.closed, "the environment itself is closed");
            for (Thread generator : fake.generators) {
                assertFalse(generator.isAlive(), "the generator ended");
            }
            for (Path control : fake.controls) {
                assertFalse(Files.exists(control), "control directory removed: " + control);
            }
            Path io = tmp.resolve("io");
            try (var files = Files.list(io)) {
                assertEquals(List.of(), files.toList(), "the io load's files are deleted");
            }
        }
    }

    @Test
    void aSiblingThatNeverGetsReadyFailsTheStartAndEverythingIsRemoved() throws Exception {
        Fake fake = new Fake();
        fake.siblingsStart = false;
        LauncherException e = assertThrows(LauncherException.class,
                () -> new NeighbourEnvironment(fake, new NeighbourSpec(1, LoadKind.CPU), 200).start(null, tmp, null));
        assertEquals("neighbour 1's load generator did not get ready within 200 ms", e.getMessage());
        assertTrue(fake.closed);
        assertFalse(Files.exists(fake.controls.get(0)));
    }
}
