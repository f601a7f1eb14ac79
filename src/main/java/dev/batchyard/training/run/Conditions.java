package dev.batchyard.training.run;

import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.training.scenario.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a task's conditions against the world: deliveries and losses from the store's events
 * ({@link StoreLedger}), the trainee's actions from the audit trail (their actor's lines only: a
 * fallback policy's reroute is not the trainee's), the traffic's refusals and the recovery loop
 * from the console. A tag's check holds only when it covers every one of its batches, and at least one (before its event a
 * tag has none, and proves nothing); an account with missed
 * events proves nothing, so a delivery check then fails.
 */
final class Conditions {
    private final TrainingWorld world;

    Conditions(TrainingWorld world) {
        this.world = world;
    }

    Verdict evaluate(Check check) {
        world.ledger().drain();
        if (check instanceof Check.Delivered d) {
            List<String> ids = world.tagged(d.tag());
            long done = ids.stream().filter(id -> world.ledger().deliveredTo(id)
                    .filter(s -> d.sink() == null || d.sink().equals(s)).isPresent()).count();
            return new Verdict(check, !ids.isEmpty() && done == ids.size() && world.ledger().missed() == 0, done, ids.size());
        }
        if (check instanceof Check.Rerouted r) {
            return byTrainee(check, r.tag(), "reroute", "to " + r.sink());
        }
        if (check instanceof Check.Discarded d) {
            return byTrainee(check, d.tag(), "discard", null);
        }
        if (check instanceof Check.NoneLost n) {
            List<String> ids = world.tagged(n.tag());
            long lost = ids.stream().filter(world.ledger()::lost).count();
            return new Verdict(check, lost == 0 && world.ledger().missed() == 0, ids.size() - lost, ids.size());
        }
        if (check instanceof Check.NoRefusals) {
            long refused = world.traffic().rejected();
            return new Verdict(check, refused == 0, refused, 0);
        }
        boolean running = !world.trainee().stats().recoveryPaused();
        return new Verdict(check, running, 0, 0);
    }

    /** Whether the trainee's audit lines of {@code action} (with {@code detail}, if given) cover every batch of {@code tag} as done. */
    private Verdict byTrainee(Check check, String tag, String action, String detail) {
        Set<String> done = new HashSet<>();
        for (AuditRecord r : traineeLines(action)) {
            if (detail == null || detail.equals(r.detail())) {
                r.results().stream().filter(AuditRecord.Result::ok).forEach(res -> done.add(res.id()));
            }
        }
        List<String> ids = world.tagged(tag);
        long covered = ids.stream().filter(done::contains).count();
        return new Verdict(check, !ids.isEmpty() && covered == ids.size(), covered, ids.size());
    }

    private List<AuditRecord> traineeLines(String action) {
        Console console = world.trainee();
        AuditQuery query = AuditQuery.all().withActor(world.traineeActor().name()).withAction(action);
        List<AuditRecord> lines = new java.util.ArrayList<>();
        AuditPage page = console.audit(query, PageRequest.first(500));
        lines.addAll(page.records());
        while (!page.atEnd()) {
            page = console.audit(query, PageRequest.after(page.nextCursor(), 500));
            lines.addAll(page.records());
        }
        return lines;
    }
}
