package io.isobench.launcher;

/** A failure the user must read: its message is one plain sentence, printed without a stack trace. */
public class LauncherException extends Exception {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
