package dev.batchyard.engine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what the engine logs (SLF4J's simple logger writes to whatever {@code System.err} is at
 * the moment) while the power-loss campaign runs: an engine on a disk whose power was just cut
 * logs a failed checkpoint or maintenance pass every round, and those thousands of expected lines
 * would bury the build's output. Each round's records are taken and checked instead
 * ({@link #takeRecords}); the caller prints them when a round fails. Not for use by tests that run
 * in parallel with others (it swaps {@code System.err}).
 */
final class EngineLog implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();

    EngineLog() {
        System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
    }

    /** The records logged since the last call, each with the lines that follow it (a stack trace). */
    synchronized List<String> takeRecords() {
        String text;
        synchronized (held) {
            text = held.toString(StandardCharsets.UTF_8);
            held.reset();
        }
        List<String> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("[") || records.isEmpty()) {
                records.add(line);
            } else {
                records.set(records.size() - 1, records.get(records.size() - 1) + "\n" + line);
            }
        }
        records.removeIf(String::isBlank);
        return records;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
