package dev.batchyard.training.run;

import dev.batchyard.training.scenario.Check;

/**
 * One condition as found at one moment: whether it holds, and how far along it is ({@code done}
 * of {@code of} batches; for {@link Check.NoRefusals} {@code done} is the refusals, for
 * {@link Check.RecoveryRunning} both are 0).
 */
public record Verdict(Check check, boolean holds, long done, long of) {
}
