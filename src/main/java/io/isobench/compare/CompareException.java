package io.isobench.compare;

import io.isobench.schema.ExitCode;

import java.nio.file.Path;

/**
 * A problem with the input or the options that ends the comparison: one plain sentence, optionally naming the
 * file it is about. The command prints it as {@code isobench compare: <file>: <problem>} and exits with
 * {@link #exitCode()}.
 */
public final class CompareException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit code for bad input or options. */
    public static final int BAD_INPUT = ExitCode.BAD_INPUT;

    private final transient Path file;
    private final String problem;

    public CompareException(Path file, String problem) {
        super(file == null ? problem : file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public CompareException(String problem) {
        this(null, problem);
    }

    /** The file the problem is about, or null. */
    public Path file() {
        return file;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }

    public int exitCode() {
        return BAD_INPUT;
    }
}
