package dev.batchyard.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs {@link WorkloadStep}s on an engine from several threads, each on the batches it owns, until
 * each has taken its steps or the engine refuses one (the power was cut). What each thread
 * was told goes into the {@link Ledger}.
 */
final class PowerLossWorkload {
    static final int THREADS = 4;

    private final BatchPersistence engine;
    private final Ledger ledger;
    private final List<Throwable> refusals = new CopyOnWriteArrayList<>();

    PowerLossWorkload(BatchPersistence engine, Ledger ledger) {
        this.engine = engine;
        this.ledger = ledger;
    }

    /**
     * Each thread takes up to {@code steps} steps on its share of {@code stored} (the ids the store
     * holds now) and of the batches it persists, with ids starting {@code prefix}.
     */
    void run(String prefix, Collection<String> stored, long seed, int steps) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            StepContext context = new StepContext(engine, ledger, new Random(seed * 31 + t), t, prefix);
            int thread = t;
            stored.stream().filter(id -> StepContext.ownedBy(id, thread)).sorted().forEach(context.owned::add);
            Thread worker = new Thread(() -> work(context, steps), "power-loss-workload-" + t);
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            worker.join();
        }
    }

    /** Why threads stopped early: after a cut, the engine's refusals; before one, a defect. */
    List<Throwable> refusals() {
        return refusals;
    }

    private void work(StepContext c, int steps) {
        WorkloadStep[] all = WorkloadStep.values();
        for (int i = 0; i < steps; i++) {
            List<WorkloadStep> possible = new ArrayList<>();
            int total = 0;
            for (WorkloadStep step : all) {
                if (step.possible(c)) {
                    possible.add(step);
                    total += step.weight;
                }
            }
            int dice = c.random.nextInt(total);
            WorkloadStep chosen = possible.get(0);
            for (WorkloadStep step : possible) {
                if ((dice -= step.weight) < 0) {
                    chosen = step;
                    break;
                }
            }
            try {
                chosen.run(c);
            } catch (RuntimeException e) {
                refusals.add(e);
                return;
            }
        }
    }
}
