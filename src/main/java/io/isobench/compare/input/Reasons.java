package io.isobench.compare.input;

/**
 * A subject and the reason a file recorded for it as one text for the report ({@code host failed: no Docker engine
 * answers}), never with nothing after the colon: a reason the file left empty is said as such, in the caller's words.
 */
public final class Reasons {

    private Reasons() {
    }

    /** {@code subject: reason}, or {@code subject (whenNone)} when the reason is null, empty or blank. */
    public static String after(String subject, String reason, String whenNone) {
        return reason == null || reason.isBlank() ? subject + " (" + whenNone + ")" : subject + ": " + reason.strip();
    }
}
