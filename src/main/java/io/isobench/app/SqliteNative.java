package io.isobench.app;

import org.sqlite.SQLiteJDBCLoader;

import java.nio.file.Path;

/**
 * SQLite's native library, loaded from the copy that sqlite-jdbc extracts out of the jar. benchmarks.jar carries only
 * the linux-x86_64 (glibc) build ({@value #RESOURCE}), and it is extracted into the suite's work directory (a
 * {@link io.isobench.support.BenchDir}), which is writable in every environment, rather than {@code java.io.tmpdir}.
 */
final class SqliteNative {

    /** The system property sqlite-jdbc reads for the directory it extracts its library into. */
    static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";
    /** The one native library benchmarks.jar carries. */
    static final String RESOURCE = "/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so";

    private SqliteNative() {
    }

    /**
     * Loads the library, extracted into {@code dir}; fails in one sentence when the jar has no library for this machine
     * or it does not load from there (a directory mounted noexec, a libc other than glibc).
     */
    static void load(Path dir) {
        if (SqliteNative.class.getResource(RESOURCE) == null) {
            throw new IllegalStateException("SQLite's native library is not in the jar (no " + RESOURCE + ")");
        }
        if (!System.getProperty("os.arch").equals("amd64")) {
            throw new IllegalStateException("the jar carries SQLite's native library for linux-x86_64 only, not "
                    + System.getProperty("os.arch"));
        }
        System.setProperty(TMPDIR_PROPERTY, dir.toString());
        String why;
        try {
            if (SQLiteJDBCLoader.initialize()) {
                return;
            }
            why = "sqlite-jdbc found no library it could load";
        } catch (Exception | LinkageError e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        throw new IllegalStateException("SQLite's native library did not load from " + dir + " (" + why
                + "); the directory must be writable and not mounted noexec, and the libc glibc");
    }
}
