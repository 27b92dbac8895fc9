package io.isobench.compare;

import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a report file so that readers see the old content or the complete new one (see {@link JsonFiles#writeAtomically}). */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return JsonFiles.writeAtomically(dir.resolve(name), content);
    }
}
