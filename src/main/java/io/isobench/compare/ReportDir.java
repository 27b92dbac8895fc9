package io.isobench.compare;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.isobench.compare.input.Json;
import io.isobench.compare.report.Report;
import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where compare may write its report (report.md, index.html, summary.json): compare never writes where it should not
 * and never replaces what it did not make. Refused, each in one line:
 * <ul>
 *   <li>the root directory and the home directory (as real paths: {@code --out /}, {@code --out ~});</li>
 *   <li>a directory that holds files but no earlier isobench report (see {@link #holdsReport});</li>
 *   <li>when no {@code --out} was given, the input's {@code report/} when it holds a report already (committed
 *       results, such as those under docs/, are rendered once and kept), unless {@code --force}; and a
 *       {@code report/} that is a link.</li>
 * </ul>
 * A new directory, an empty one, and one named with {@code --out} that holds an earlier isobench report are used.
 */
final class ReportDir {

    /** summary.json's {@code schema} begins with this in every report compare writes (run, density and fleet). */
    static final String SCHEMA_PREFIX = "isobench-";

    private ReportDir() {
    }

    /**
     * The directory to write into, checked.
     *
     * @param named whether the user named it ({@code --out}); otherwise it is the input's default {@code report/}
     * @param force whether an earlier report in the default directory may be replaced
     */
    static Path check(Path dir, boolean named, boolean force) throws CompareException {
        Path real = realPath(dir);
        if (real.getParent() == null) {
            throw new CompareException(dir, "is the root directory; name a directory of its own for the report (--out DIR)");
        }
        for (String home : new String[] {System.getProperty("user.home"), System.getenv("HOME")}) {
            if (home != null && !home.isBlank() && real.equals(realPath(Path.of(home)))) {
                throw new CompareException(dir, "is the home directory; name a directory of its own for the report "
                        + "(--out DIR)");
            }
        }
        if (!named && Files.isSymbolicLink(dir)) {
            throw new CompareException(dir, "is a symbolic link; name the directory for the report with --out DIR");
        }
        if (!Files.exists(real)) {
            return dir;
        }
        if (!Files.isDirectory(real)) {
            throw new CompareException(dir, "is not a directory");
        }
        if (isEmpty(real)) {
            return dir;
        }
        if (!holdsReport(real)) {
            throw new CompareException(dir, "holds files but no isobench report (no " + Report.SUMMARY + " of compare's); "
                    + "compare writes only into a new or empty directory or over its own report");
        }
        if (!named && !force) {
            throw new CompareException(dir, "holds a report already; --out DIR writes a new one elsewhere, --force "
                    + "replaces it");
        }
        return dir;
    }

    /**
     * Whether a directory holds an isobench report: a regular summary.json whose top-level {@code schema} has a
     * value that begins with {@value #SCHEMA_PREFIX} (isobench-compare/3, isobench-fleet/1), as compare writes it.
     */
    static boolean holdsReport(Path dir) {
        Path summary = dir.resolve(Report.SUMMARY);
        if (!UntrustedFile.isRegular(summary)) {
            return false;
        }
        try (JsonParser parser = Json.MAPPER.createParser(UntrustedFile.open(summary, Json.MAX_BYTES))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("schema")) {
                    return value == JsonToken.VALUE_STRING && parser.getText().startsWith(SCHEMA_PREFIX);
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path of {@code dir}, or of its nearest existing ancestor with the rest appended. */
    static Path realPath(Path dir) throws CompareException {
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            throw new CompareException(dir, "cannot be resolved (" + Json.oneLine(e.getMessage()) + ")");
        }
    }

    private static boolean isEmpty(Path dir) throws CompareException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new CompareException(dir, "cannot be read (" + Json.oneLine(e.getMessage()) + ")");
        }
    }
}
