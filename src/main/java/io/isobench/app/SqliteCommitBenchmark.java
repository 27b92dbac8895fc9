package io.isobench.app;

import io.isobench.evidence.Claim;
import io.isobench.evidence.DeviceFlushes;
import io.isobench.evidence.DeviceWrites;
import io.isobench.evidence.Evidence;
import io.isobench.fileio.SyncWriteLatencyBenchmark;
import io.isobench.support.BenchDir;
import io.isobench.support.FileSystems;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A durable transaction: insert one small row and commit, with {@code synchronous=FULL}, in a SQLite database in the
 * benchmark directory (the file rows' directory: a container's writable layer or its volume, the VM's disk), through
 * sqlite-jdbc. SQLite because it is the database a service embeds when it keeps state on local disk, with one file and
 * no server, so the commit path is the application's own calls (write, fsync) and nothing else; and the same engine is
 * Debian's {@code sqlite3}, which runs the same transactions in the cross-check (scripts/calibrate/sqlite-commit.sh).
 * {@code journal=wal}: the write-ahead log, one append and one fsync of the log per commit (what services use);
 * {@code journal=delete}: the rollback journal, SQLite's default, which writes and fsyncs a journal, then the database,
 * then deletes the journal: several fsyncs and a directory change per commit. The score is the commit latency (p50,
 * p99 in sample mode; its mean's inverse is transactions per second). Evidence: the bytes the thread sent towards the
 * device and its write calls per commit ({@link DeviceWrites}), and the disk's cache flushes per commit
 * ({@link DeviceFlushes}: the fsyncs that reached a disk, one or more per durable commit); a commit that writes less
 * than a page or flushes no disk did not reach a device (tmpfs; gVisor, which counts nothing, is listed as contradicted
 * too).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.DEVICE_WRITE_BYTES_PER_OP, atLeast = 4096,
        means = "each commit writes at least a page towards the storage device")
@Claim(evidence = Evidence.DEVICE_FLUSHES_PER_OP, atLeast = 1,
        means = "each commit flushes the disk's write cache (its fsync reached the device)")
@ExplainedBy(benchmark = SyncWriteLatencyBenchmark.class, method = "writeFsync",
        why = "a durable 4 KiB write: pwrite and fsync, which a commit does once (WAL) or several times (journal)")
public class SqliteCommitBenchmark {

    @Param({"wal", "delete"})
    public String journal;

    private BenchDir nativeDir;
    private BenchDir dir;
    private Connection db;
    private PreparedStatement insert;
    private long placed;

    @Setup
    public void setup() throws SQLException {
        nativeDir = BenchDir.create("sqlite-native");
        SqliteNative.load(nativeDir.path());
        dir = BenchDir.create("sqlite");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.valueOf(journal.toUpperCase(Locale.ROOT)));
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        db = config.createConnection("jdbc:sqlite:" + dir.resolve("orders.db"));
        try (Statement statement = db.createStatement()) {
            requireJournal(statement);
            statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT NOT NULL, "
                    + "quantity INTEGER NOT NULL, placed INTEGER NOT NULL)");
        }
        db.setAutoCommit(false);
        insert = db.prepareStatement("INSERT INTO orders (item, quantity, placed) VALUES (?, ?, ?)");
    }

    /** SQLite keeps its journal mode when it cannot have the one asked for (WAL needs shared memory): that is a failure. */
    private void requireJournal(Statement statement) throws SQLException {
        try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            String actual = mode.next() ? mode.getString(1) : "none";
            if (!actual.equalsIgnoreCase(journal)) {
                throw new IllegalStateException("SQLite refused journal_mode=" + journal + " on " + dir.path() + " ("
                        + FileSystems.typeOf(dir.path()) + "); it kept " + actual);
            }
        }
    }

    @TearDown
    public void tearDown() throws SQLException {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (dir != null) {
                dir.close();
            }
            if (nativeDir != null) {
                nativeDir.close(); // the loaded library stays mapped
            }
        }
    }

    @Benchmark
    public int insertCommit(DeviceWrites writes, DeviceFlushes flushes) throws SQLException {
        insert.setString(1, "isobench");
        insert.setInt(2, 3);
        insert.setLong(3, placed++);
        int rows = insert.executeUpdate();
        db.commit();
        writes.op();
        flushes.op();
        return rows;
    }
}
