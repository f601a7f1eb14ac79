package dev.batchyard.app.shell;

import java.util.Locale;

/** One line of a window bench's {@code Targets} section: the goal, MET or MISSED, and the figure it was judged on. */
final class BenchTargets {
    private BenchTargets() {
    }

    static String line(String goal, boolean met, String format, double value) {
        return String.format(Locale.ROOT, "  %-52s %-6s " + format, goal, met ? "MET" : "MISSED", value);
    }
}
