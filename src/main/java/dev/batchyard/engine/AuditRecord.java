package dev.batchyard.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a store's {@code audit.log}, as read back: who did what, when, to which batches, with
 * what result. The line itself travels along, so nothing a later version writes is lost to an
 * older reader.
 *
 * @param at      when; {@code null} for a line that could not be read
 * @param actor   who ({@code ana}, {@code policy:fallback}, {@code store} for damage); empty when unreadable
 * @param action  what ({@code retry}, {@code discard}, {@code reroute}, {@code pause-recovery},
 *                {@code resume-recovery}, {@code damage}); {@code unreadable} for a line that could not be read
 * @param detail  the action's detail (a discard's reason, a reroute's target), or what was wrong with
 *                an unreadable line; empty when none
 * @param ids     every batch the line concerns, in the order written
 * @param results per id, for an action; empty for other lines
 * @param line    the line exactly as written, without its line break (cut at a bound for a huge line)
 */
public record AuditRecord(Instant at, String actor, String action, String detail, List<String> ids,
                          List<Result> results, String line) {

    /** What {@link #action()} says for a line that could not be read. */
    public static final String UNREADABLE = "unreadable";

    /** One id's answer to an action, as the audit trail has it. */
    public record Result(String id, boolean ok, String reason, String message) {
        public Result {
            Objects.requireNonNull(id, "id");
            reason = reason == null ? "" : reason;
            message = message == null ? "" : message;
        }
    }

    public AuditRecord {
        actor = actor == null ? "" : actor;
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
        ids = List.copyOf(ids);
        results = List.copyOf(results);
        Objects.requireNonNull(line, "line");
    }

    /** A line that is not an audit record (a crash cut it short); what was wrong goes in {@code detail}. */
    public static AuditRecord unreadable(String line, String problem) {
        return new AuditRecord(null, "", UNREADABLE, problem, List.of(), List.of(), line);
    }
}
