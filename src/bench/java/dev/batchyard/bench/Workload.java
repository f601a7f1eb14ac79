package dev.batchyard.bench;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;

/** What each producer thread does in one timed run. Implementations are stateless. */
interface Workload {

    /** Does one unit of work; returns the Go-JSON bytes it carried (for MB/s), 0 when nothing finished. */
    long step(Design design, Producer producer);

    /** Sets the producer up before the clock starts (nothing). */
    default void prepare(Design design, Producer producer) {
    }

    /** Finishes what the producer left half done, untimed (nothing). */
    default void drain(Design design, Producer producer) {
    }

    /** A producer's own state: its id prefix, counter, random source and batches in hand. */
    final class Producer {
        final String prefix;
        final List<Sample> samples;
        final Random random;
        final ArrayDeque<String> inHand = new ArrayDeque<>();
        long next;

        Producer(String prefix, List<Sample> samples, long seed) {
            this.prefix = prefix;
            this.samples = samples;
            this.random = new Random(seed);
        }

        String nextId() {
            return prefix + "-" + next++;
        }

        Sample nextSample() {
            return samples.get((int) ((next + prefix.hashCode()) & 0x7fffffff) % samples.size());
        }
    }

    /** Durable persist only: the batches stay pending. */
    Workload PERSIST = (design, p) -> {
        Sample s = p.nextSample();
        design.persist(p.nextId(), s);
        return s.goFileBytes();
    };

    /**
     * Steady state: persist a batch, and finish the one persisted {@code DEPTH} steps earlier: 70 %
     * succeed at once, 30 % fail once and then succeed. Each producer starts with {@code DEPTH}
     * batches in hand (persisted before the clock starts), so every step finishes one batch.
     */
    Workload MIXED = new Workload() {
        static final int DEPTH = 4;

        @Override
        public void prepare(Design design, Producer p) {
            for (int i = 0; i < DEPTH; i++) {
                String id = p.nextId();
                design.persist(id, p.nextSample());
                p.inHand.add(id);
            }
        }

        @Override
        public long step(Design design, Producer p) {
            Sample s = p.nextSample();
            String id = p.nextId();
            design.persist(id, s);
            p.inHand.add(id);
            if (p.inHand.size() <= DEPTH) {
                return 0;
            }
            String done = p.inHand.poll();
            if (p.random.nextInt(100) < 30) {
                design.fail(done, "HTTP 503 from sink: service unavailable");
            }
            design.succeed(done);
            return s.goFileBytes();
        }

        @Override
        public void drain(Design design, Producer p) {
            while (!p.inHand.isEmpty()) {
                design.succeed(p.inHand.poll());
            }
        }
    };
}
