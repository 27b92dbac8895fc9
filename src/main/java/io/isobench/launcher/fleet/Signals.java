package io.isobench.launcher.fleet;

import java.util.Map;

/** Signal names for the numbers Slurm and shells report (Linux x86-64 numbering). */
final class Signals {

    private static final Map<Integer, String> NAMES = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            7, "SIGBUS", 9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM", 10, "SIGUSR1");

    private Signals() {
    }

    static String name(int number) {
        return NAMES.getOrDefault(number, "signal " + number);
    }
}
