package dev.batchyard.bench;

/** Progress lines on stderr, so a long run shows it is alive without cluttering the table. */
final class Progress {
    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void line(String text) {
        System.err.printf("[%6.1fs] %s%n", (System.nanoTime() - START) / 1e9, text);
    }
}
