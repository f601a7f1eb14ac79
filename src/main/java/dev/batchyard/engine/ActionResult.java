package dev.batchyard.engine;

import java.util.List;
import java.util.Locale;

/**
 * What an operator action did to one id: done, or why not, as a {@link Reason} and its arguments
 * (sink names, a store error's detail). The engine speaks no language but the log's: the app and
 * the CLI word a reason for the operator from their bundles; {@link #message()} is the English
 * text for logs, the audit trail and {@code --json}.
 *
 * @param args the reason's arguments, as many as {@link Reason#arity()}
 */
public record ActionResult(String id, Reason reason, List<String> args) {

    /** Why an action did or did not happen to one id. A new constant needs a text in every bundle. */
    public enum Reason {
        /** Handed to its sink now ({@code sink}). */
        SENT(true, "sent to %s"),
        /** Removed without delivery. */
        DISCARDED(true, "discarded"),
        /** Pointed at another sink ({@code from}, {@code to}). */
        REROUTED(true, "rerouted from %s to %s"),
        /** The sink ({@code sink}) is not configured, or is disabled. */
        SINK_NOT_CONFIGURED(false, "sink '%s' is not configured or is disabled"),
        /** An attempt is under way; the action would race it. */
        IN_FLIGHT(false, "already in flight; try again when the attempt has ended"),
        /** A reroute to the sink ({@code sink}) the batch already has. */
        ALREADY_ROUTED(false, "already routed to %s"),
        /** Gone between the operator's choice and the action. */
        NO_SUCH_BATCH(false, "no such batch (delivered, discarded or expired meanwhile?)"),
        /** Removed by the retention policy; the argument is the setting that removed it ({@code batch_ttl}, ...). */
        EXPIRED(true, "expired by %s"),
        /** A policy marked it {@code DEAD} after its last attempt at the sink ({@code sink}). */
        DEAD_LETTERED(true, "dead-lettered at %s"),
        /** A configuration problem of the sink ({@code sink}) holds it ({@code HELD}), its retries untouched. */
        HELD(true, "held: a configuration problem of sink '%s'"),
        /** Taken out of {@code HELD} and due again at the sink ({@code sink}). */
        RELEASED(true, "released to %s"),
        /** A discarded batch is back as it was. */
        RESTORED(true, "restored"),
        /** A restore of a batch that is stored and was not discarded. */
        NOT_DISCARDED(false, "not discarded: nothing to restore"),
        /** A restore too late ({@code discarded at}, {@code discard_grace}): it is purged at the next cleanup. */
        PAST_GRACE(false, "discarded at %s, longer ago than discard_grace %s: it can no longer be restored"),
        /** Due now at the sink ({@code sink}) with a fresh retry budget; requeued {@code n} times in all. */
        REQUEUED(true, "requeued to %s with a fresh retry budget (requeue %s)"),
        /** A requeue of a batch that is not dead ({@code state}): retry it instead. */
        NOT_DEAD(false, "not dead (%s): requeue takes dead batches; retry it instead"),
        /** Brought into the store from outside ({@code source}: a Go agent's directory or dead-letter files). */
        IMPORTED(true, "imported from %s"),
        /** Written out of the store ({@code target}: a directory of the Go agent's files); the batch stays stored. */
        EXPORTED(true, "exported to %s"),
        /** Split into the batches {@code ids} (comma-separated), which hold its entries now; it is gone. */
        SPLIT(true, "split into %s"),
        /** Merged into the batch {@code id} with others; it is gone. */
        MERGED(true, "merged into %s"),
        /** Made by a split or merge of {@code ids} (comma-separated), with the entries {@code indexes} of theirs. */
        MADE(true, "made from %s (entries %s)"),
        /** Edited ({@code changes}, what changed); the version before is kept as {@code id}, restorable. */
        EDITED(true, "edited: %s; the version before is kept as %s"),
        /** An edited batch's earlier version is back as that batch ({@code id}); the one it replaced is kept as {@code kept}. */
        VERSION_RESTORED(true, "back as batch %s; the version it replaced is kept as %s"),
        /** An edited batch's earlier version is back as that batch ({@code id}), which was no longer stored. */
        VERSION_RESTORED_ALONE(true, "back as batch %s, which was no longer stored"),
        /** The store could not make the change ({@code detail}, the exception's own English text). */
        STORE_ERROR(false, "%s");

        private final boolean ok;
        private final String english;

        Reason(boolean ok, String english) {
            this.ok = ok;
            this.english = english;
        }

        public boolean ok() {
            return ok;
        }

        /** How many arguments the reason takes. */
        public int arity() {
            return english.split("%s", -1).length - 1;
        }

        /** The stable name in {@code --json} and the audit trail, and the bundles' key suffix: {@code sink_not_configured}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ActionResult {
        args = List.copyOf(args);
        if (args.size() != reason.arity()) {
            throw new IllegalArgumentException(reason + " takes " + reason.arity() + " arguments, not " + args);
        }
    }

    public static ActionResult of(String id, Reason reason, String... args) {
        return new ActionResult(id, reason, List.of(args));
    }

    public boolean ok() {
        return reason.ok();
    }

    /** The English text, e.g. {@code sink 'kafka' is not configured or is disabled}: for logs, audit and JSON. */
    public String message() {
        return String.format(Locale.ROOT, reason.english, args.toArray());
    }
}
