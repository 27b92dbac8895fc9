package io.isobench.app;

import io.isobench.evidence.DeviceFlushes;
import io.isobench.evidence.DeviceFlushesTest;
import io.isobench.evidence.DeviceWrites;
import io.isobench.support.BenchDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transaction row on this machine's disk: its commits are durable rows, counted as writes, and it cleans up. */
class SqliteCommitTest {

    @TempDir
    Path root;

    private String saved;

    @BeforeEach
    void benchDir() {
        saved = System.getProperty(BenchDir.PROPERTY);
        System.setProperty(BenchDir.PROPERTY, root.toString());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(BenchDir.PROPERTY);
        } else {
            System.setProperty(BenchDir.PROPERTY, saved);
        }
    }

    @Test
    void eachJournalCommitsRowsThatAnotherConnectionReads() throws Exception {
        for (String journal : new String[] {"wal", "delete"}) {
            SqliteCommitBenchmark bench = new SqliteCommitBenchmark();
            bench.journal = journal;
            bench.setup();
            DeviceWrites writes = new DeviceWrites();
            DeviceFlushes flushes = new DeviceFlushes();
            flushes.findDisks();
            writes.start();
            flushes.start();
            for (int i = 0; i < 20; i++) {
                assertEquals(1, bench.insertCommit(writes, flushes));
            }
            writes.stop();
            flushes.stop();
            assertEquals(20, writes.deviceWriteOps);
            if (flushes.deviceFlushOps > 0) { // a disk with a write-back cache is visible, as on this project's machines
                assertEquals(20, flushes.deviceFlushOps);
                if (!DeviceFlushesTest.onTmpfs(root)) {
                    assertTrue(flushes.deviceFlushes >= 20, journal + ": a flush per durable commit, " + flushes.deviceFlushes);
                }
            }
            assertTrue(writes.writeCalls >= 20, journal + ": at least a write per commit, " + writes.writeCalls);
            Path db;
            try (Stream<Path> dirs = Files.list(root)) {
                db = dirs.filter(d -> d.getFileName().toString().startsWith("isobench-sqlite-") && !d.getFileName()
                        .toString().contains("native")).findFirst().orElseThrow().resolve("orders.db");
            }
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement statement = other.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM orders")) {
                assertTrue(count.next());
                assertEquals(20, count.getInt(1), journal + ": every commit is visible to another connection");
            }
            bench.tearDown();
            try (Stream<Path> left = Files.list(root)) {
                assertEquals(0, left.count(), journal + ": the database and the extracted library are gone");
            }
        }
    }

    @Test
    void anotherMachineFailsTheRowInOneSentence() {
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.arch", "aarch64");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteNative.load(root));
            assertEquals("the jar carries SQLite's native library for linux-x86_64 only, not aarch64", e.getMessage());
        } finally {
            System.setProperty("os.arch", arch);
        }
    }
}
