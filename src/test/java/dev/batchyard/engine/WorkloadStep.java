package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the power-loss workload does to the engine, one kind per constant, chosen at random by
 * weight. Each step tells the {@link Ledger} what it is about to change before the call and that
 * the change was made after the call returned; a call that throws (the power went) leaves the
 * change under way. To test a new operation, add a constant: its weight, whether a thread may do
 * it now, and what it does; if it changes a batch in a new way, add a {@link BatchFacts.Change}
 * (and a field to {@link BatchFacts} if the change is to something not yet checked).
 */
enum WorkloadStep {
    PERSIST(30) {
        @Override
        boolean possible(StepContext c) {
            return true;
        }

        @Override
        void run(StepContext c) {
            persist(c, c.newId(false), null);
        }
    },
    /** Thread 0 only: a batch already older than batch_ttl, for {@link #CLEANUP} to expire. */
    PERSIST_OLD(4) {
        @Override
        boolean possible(StepContext c) {
            return c.thread == 0;
        }

        @Override
        void run(StepContext c) {
            persist(c, c.newId(true), OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        }
    },
    SUCCEED(14) {
        @Override
        void run(StepContext c) {
            String id = c.anyOwned();
            c.ledger.intend(id, BatchFacts.Change.remove("delivered"));
            c.engine.markBatchSuccess(id);
            c.ledger.acknowledge(id);
            c.owned.remove(id);
        }
    },
    FAIL(14) {
        @Override
        void run(StepContext c) {
            String id = c.anyOwned();
            c.ledger.intend(id, BatchFacts.Change.fail());
            c.engine.markBatchFailed(id, "failure " + c.random.nextInt(1000));
            c.ledger.acknowledge(id);
        }
    },
    DISCARD(8) {
        @Override
        void run(StepContext c) {
            List<String> ids = new ArrayList<>();
            for (int i = 1 + c.random.nextInt(3); i > 0 && ids.size() < c.owned.size(); i--) {
                String id = c.anyOwned();
                if (!ids.contains(id)) {
                    ids.add(id);
                    c.ledger.intend(id, BatchFacts.Change.remove("discard"));
                }
            }
            Actor actor = c.actor();
            List<ActionResult> results = c.engine.discard(ids, "power-loss test", actor);
            c.ledger.audited(actor.name(), "discard");
            for (ActionResult r : results) {
                if (r.reason() == ActionResult.Reason.DISCARDED) {
                    c.ledger.acknowledge(r.id());
                    c.owned.remove(r.id());
                } else {
                    c.ledger.withdraw(r.id());
                }
            }
        }
    },
    REROUTE(8) {
        @Override
        void run(StepContext c) {
            // one to three batches: a reroute of several is made durable by one wait (DurableChunks)
            String target = c.anySink();
            List<String> ids = new ArrayList<>();
            for (int i = 1 + c.random.nextInt(3); i > 0 && ids.size() < c.owned.size(); i--) {
                String id = c.anyOwned();
                if (!ids.contains(id) && !target.equals(c.ledger.acknowledged(id).sink())) {
                    ids.add(id);
                    c.ledger.intend(id, BatchFacts.Change.reroute(target));
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            Actor actor = c.actor();
            List<ActionResult> results = c.engine.reroute(ids, target, actor);
            c.ledger.audited(actor.name(), "reroute");
            for (ActionResult r : results) {
                if (r.reason() == ActionResult.Reason.REROUTED) {
                    c.ledger.acknowledge(r.id());
                } else {
                    c.ledger.withdraw(r.id());
                }
            }
        }
    },
    PAUSE_OR_RESUME(3) {
        @Override
        void run(StepContext c) {
            Actor actor = c.actor();
            if (c.random.nextBoolean()) {
                c.engine.pauseRecovery(actor);
                c.ledger.audited(actor.name(), "pause-recovery");
            } else {
                c.engine.resumeRecovery(actor);
                c.ledger.audited(actor.name(), "resume-recovery");
            }
        }
    },
    /** Thread 0 only: a cleanup pass, which expires every batch {@link #PERSIST_OLD} made (and no other). */
    CLEANUP(3) {
        @Override
        boolean possible(StepContext c) {
            return c.thread == 0 && c.owned.stream().anyMatch(StepContext::old);
        }

        @Override
        void run(StepContext c) {
            List<String> old = c.owned.stream().filter(StepContext::old).toList();
            old.forEach(id -> c.ledger.intend(id, BatchFacts.Change.remove("expired")));
            List<String> expired = c.engine.runCleanupNow().expiredIds();
            for (String id : old) {
                if (expired.contains(id)) {
                    c.ledger.acknowledge(id);
                    c.owned.remove(id);
                } else {
                    c.ledger.withdraw(id);
                }
            }
        }
    };

    final int weight;

    WorkloadStep(int weight) {
        this.weight = weight;
    }

    /** Whether thread {@code c} can take this step now (most need a batch of their own). */
    boolean possible(StepContext c) {
        return !c.owned.isEmpty();
    }

    /** Takes the step; throws when the engine refused (after a power cut, every change is refused). */
    abstract void run(StepContext c);

    private static void persist(StepContext c, String id, OffsetDateTime createdAt) {
        int entries = 1 + c.random.nextInt(6);
        String sink = c.anySink();
        c.ledger.intend(id, BatchFacts.Change.persist(sink, entries));
        c.engine.persistBatch(new NewBatch(id, Entries.sample(id, entries), sink, createdAt, null, 0, "",
                Map.of("created_by", "power-loss test")));
        c.ledger.acknowledge(id);
        c.owned.add(id);
    }
}
