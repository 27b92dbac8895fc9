package io.isobench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file system type a path lives on, for the fingerprint and for skip reasons. */
public final class FileSystems {

    private FileSystems() {
    }

    public static String typeOf(Path path) {
        try {
            return Files.getFileStore(path.toAbsolutePath()).type();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
