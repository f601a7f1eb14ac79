package dev.batchyard.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A bulk action run at a chosen pace, so that a recovering sink is not flattened by its whole backlog
 * at once (SQS redrive's "max velocity"): {@code action} on each of {@code ids}, in the order given,
 * {@code rate} batches per second. Each step is the operator's own action on one id (audited as
 * such), followed by the batch's send.
 *
 * @param sink where a reroute goes (required) or a requeue goes ({@code null}: each batch's own);
 *             unused by a retry
 * @param rate batches per second, above 0 and at most {@link #MAX_RATE}
 */
public record ReplayRequest(Action action, List<String> ids, String sink, double rate) {

    /** The fastest pace a replay takes: beyond it, a plain bulk action is the tool. */
    public static final double MAX_RATE = 1000;

    /** What each step does to its batch. */
    public enum Action {
        RETRY, REQUEUE, REROUTE;

        /** The name an operator types ({@code retry}) and the audit trail and JSON use. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws IllegalArgumentException naming the value: a rate of 0, below 0, not a number or over
     *         {@link #MAX_RATE}; no ids; a reroute without a sink
     */
    public ReplayRequest {
        Objects.requireNonNull(action, "action");
        if (!(rate > 0) || rate > MAX_RATE || Double.isNaN(rate)) {
            throw new IllegalArgumentException(rateProblem(rate));
        }
        ids = List.copyOf(new LinkedHashSet<>(new ArrayList<>(ids))); // each batch once, in the order given
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one batch id");
        }
        sink = sink == null || sink.isBlank() ? null : sink;
        if (action == Action.REROUTE && sink == null) {
            throw new IllegalArgumentException("a replayed reroute needs the sink to send the batches to");
        }
    }

    /** What is wrong with {@code rate} as a replay's pace. */
    public static String rateProblem(double rate) {
        return "a replay rate of " + rate + " batches/s: it must be above 0 and at most " + (int) MAX_RATE;
    }
}
