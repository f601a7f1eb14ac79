package dev.batchyard.demo;

/**
 * What a traffic generator has done so far.
 *
 * @param rejected  batches the store refused because it was full (back-pressure); the generator
 *                  carries on, as a real agent would keep producing
 * @param failed    batches the store could not take for another reason; {@code lastError} says why
 */
public record TrafficStats(boolean running, double batchesPerSecond, long batches, long entries, long rejected,
                           long failed, String lastError) {
}
