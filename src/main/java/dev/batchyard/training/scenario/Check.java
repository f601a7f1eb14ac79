package dev.batchyard.training.scenario;

/**
 * One condition a task's check is made of, evaluated against the store, its events and its audit
 * trail. {@code tag} names the batches an event made.
 */
public sealed interface Check {

    /** Every batch of {@code tag} was delivered (to {@code sink}, unless {@code null}). */
    record Delivered(String tag, String sink) implements Check {
    }

    /** The trainee rerouted every batch of {@code tag} to {@code sink} (their lines in the audit trail). */
    record Rerouted(String tag, String sink) implements Check {
    }

    /** The trainee discarded every batch of {@code tag}. */
    record Discarded(String tag) implements Check {
    }

    /** No batch of {@code tag} was discarded (by anyone) or expired. */
    record NoneLost(String tag) implements Check {
    }

    /** The store refused no batch of the scenario's traffic for being full. */
    record NoRefusals() implements Check {
    }

    /** The recovery loop is running (not paused). */
    record RecoveryRunning() implements Check {
    }
}
