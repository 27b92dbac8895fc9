package io.isobench.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ResultCopyTest {

    @TempDir
    Path envDir;

    @Test
    void theStreamedLogBecomesJmhLogWhenTheEngineIsGone() throws IOException {
        ResultCopy copy = new ResultCopy((file, target) -> {
            throw new IOException("No such file or directory");
        }, envDir);
        Files.writeString(copy.streamedLog(), "# Fork: 1 of 1\nIteration   1: 42 ns/op\n");
        copy.run();
        assertEquals("# Fork: 1 of 1\nIteration   1: 42 ns/op\n", Files.readString(envDir.resolve("jmh.log")));
        assertFalse(Files.exists(copy.streamedLog()));
        assertFalse(Files.exists(envDir.resolve("jmh.json")), "nothing is made up for the files that were lost");
    }

    @Test
    void theSuitesOwnFilesWinAndTheStreamedLogIsRemoved() throws IOException {
        ResultCopy copy = new ResultCopy((file, target) -> Files.writeString(target, "from the suite: " + file), envDir);
        Files.writeString(copy.streamedLog(), "streamed");
        copy.run();
        assertEquals("from the suite: jmh.log", Files.readString(envDir.resolve("jmh.log")));
        assertEquals("from the suite: jmh.json", Files.readString(envDir.resolve("jmh.json")));
        assertFalse(Files.exists(copy.streamedLog()));
    }
}
