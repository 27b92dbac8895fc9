package io.isobench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The files through which a launcher drives a {@link LoadGenerator}: a directory that both see (a host directory, bind
 * mounted into a container). The generator writes {@value #READY} once it waits, and {@value #LOADING} while it loads;
 * the launcher writes {@value #RUN} (holding the most seconds a burst may last) to start a burst, removes it to stop
 * it, and writes {@value #EXIT} to end the generator. Files, not signals or pipes: a container's main process and a
 * guest's have neither a pipe to the launcher nor a pid it knows.
 */
public final class LoadControl {

    public static final String READY = "ready";
    public static final String LOADING = "loading";
    public static final String RUN = "run";
    public static final String EXIT = "exit";

    private final Path dir;

    public LoadControl(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public boolean has(String file) {
        return Files.exists(dir.resolve(file));
    }

    /** Starts a burst that the generator ends by itself after {@code maxSeconds}. */
    public void run(long maxSeconds) throws IOException {
        write(RUN, String.valueOf(maxSeconds));
    }

    /** Ends the burst. */
    public void stop() throws IOException {
        Files.deleteIfExists(dir.resolve(RUN));
    }

    /** Ends the generator. */
    public void exit() throws IOException {
        write(EXIT, "");
    }

    /** The seconds of the burst asked for, or empty when no burst is asked for (or the file is being written). */
    public OptionalLong runSeconds() {
        try {
            String text = Files.readString(dir.resolve(RUN), StandardCharsets.UTF_8).strip();
            return text.matches("[0-9]{1,9}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Writes a file whole (a temporary file renamed), so the other side never reads half of it. The other side may be
     * a guest or a container: the temporary file is new and no link in its place is followed (see
     * {@link io.isobench.suite.JsonFiles#writeAtomically}).
     */
    public void write(String file, String content) throws IOException {
        io.isobench.suite.JsonFiles.writeAtomically(dir.resolve(file), content);
    }

    public void remove(String file) throws IOException {
        Files.deleteIfExists(dir.resolve(file));
    }

    /**
     * Waits until {@code file} exists ({@code present}) or is gone, polling every 5 ms.
     *
     * @return whether it happened within {@code timeoutMillis}
     */
    public boolean await(String file, boolean present, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (has(file) != present) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
