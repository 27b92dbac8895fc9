package io.isobench.compare.report;

import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a report file so that readers see the old content or the complete new one (see {@link JsonFiles#writeAtomically}). */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        return JsonFiles.writeAtomically(dir.resolve(name), content);
    }
}
