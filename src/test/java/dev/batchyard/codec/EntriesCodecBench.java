package dev.batchyard.codec;

import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.smile.SmileEntriesCodec;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.SampleEntries;
import java.util.List;

/**
 * Measures the store codecs (Smile, version 1; binary, version 2) against Go's pretty JSON on a realistic 100-entry batch. Run:
 * {@code ./mvnw -q -o test-compile && java -cp "target/classes:target/test-classes:$(cat cp.txt)"
 * dev.batchyard.codec.EntriesCodecBench} after
 * {@code ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class EntriesCodecBench {
    private EntriesCodecBench() {
    }

    public static void main(String[] args) {
        List<LogEntry> batch = SampleEntries.realistic(7, 100);
        GoJson go = new GoJson();
        int goBytes = go.writeAll(batch, true).length;
        System.out.printf("Go pretty JSON: %d bytes, encode %.1f us, decode %.1f us%n", goBytes,
                time(() -> go.writeAll(batch, true)), time(() -> go.readAll(go.writeAll(batch, true))));
        for (Compression c : Compression.values()) {
            measure("Smile  " + c, new SmileEntriesCodec(c), batch, goBytes);
            measure("binary " + c, new BinaryEntriesCodec(c), batch, goBytes);
        }
    }

    private static void measure(String name, EntriesCodec codec, List<LogEntry> batch, int goBytes) {
        byte[] bytes = codec.encode(batch);
        if (!codec.decode(bytes).equals(batch)) {
            throw new AssertionError(name + " does not round-trip");
        }
        System.out.printf("%-15s %6d bytes (%.2fx), encode %6.1f us, decode %6.1f us%n", name, bytes.length,
                bytes.length / (double) goBytes, time(() -> codec.encode(batch)), time(() -> codec.decode(bytes)));
    }

    /**
     * The fastest of many short rounds: the build machine is shared, and the minimum is the best
     * estimate of the uncontended cost (a round that was preempted only ever gets slower).
     */
    private static double time(Runnable r) {
        for (int i = 0; i < 3000; i++) {
            r.run();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 200; round++) {
            int n = 20;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                r.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1000.0 / n);
        }
        return best;
    }
}
