package io.isobench.launcher.core;

/** A failure the user must read: its message is one plain sentence, printed without a stack trace. */
public class LauncherException extends Exception {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost cause's message: what a library's wrapped exception was really about. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
