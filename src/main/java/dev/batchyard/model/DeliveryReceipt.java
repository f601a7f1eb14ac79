package dev.batchyard.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a sink put what it accepted of a batch, so an operator can find it there: for Kafka the
 * topic, partition and offset range of the records acknowledged; a sink that says nothing about
 * placement leaves it {@link #NONE}. A failed attempt may carry one too, for the part that was
 * accepted before the rest failed (a redelivery then repeats that part). Immutable.
 *
 * @param placements at most {@value #MAX_PLACEMENTS}, in the order the sink gives them
 */
public record DeliveryReceipt(List<Placement> placements) {
    /** More than a batch ever spreads over in practice; keeps a stored attempt small. */
    public static final int MAX_PLACEMENTS = 64;
    /** Longest {@link Placement#target()} kept (Kafka topic names are at most 249 characters). */
    public static final int MAX_TARGET_CHARS = 256;
    public static final DeliveryReceipt NONE = new DeliveryReceipt(List.of());

    public DeliveryReceipt {
        placements = List.copyOf(placements);
        if (placements.size() > MAX_PLACEMENTS) {
            throw new IllegalArgumentException(placements.size() + " placements, at most " + MAX_PLACEMENTS);
        }
    }

    /**
     * One place that received part of the batch.
     *
     * @param target the topic, index or stream ({@code logs})
     * @param part   the partition or shard within it, or {@code -1} when the sink has none
     * @param first  the first position (offset) written there, or {@code -1} when unknown
     * @param last   the last position written there, or {@code -1} when unknown
     * @param count  how many entries went there
     */
    public record Placement(String target, int part, long first, long last, int count) {
        public Placement {
            Objects.requireNonNull(target, "target");
            if (target.length() > MAX_TARGET_CHARS) {
                throw new IllegalArgumentException("target of " + target.length() + " characters, at most "
                        + MAX_TARGET_CHARS);
            }
            if (count < 0 || part < -1 || first < -1 || last < -1 || last < first) {
                throw new IllegalArgumentException("impossible placement " + target + " " + part + " " + first
                        + ".." + last + " x" + count);
            }
        }

        /** {@code logs/3 @1200-1299 (100)}; without a part or offsets the parts are left out. */
        @Override
        public String toString() {
            return target + (part < 0 ? "" : "/" + part) + (first < 0 ? "" : first == last ? " @" + first
                    : " @" + first + "-" + last) + " (" + count + ")";
        }
    }

    public boolean isEmpty() {
        return placements.isEmpty();
    }

    /** The placements for people, one after the other: {@code logs/0 @1200-1249 (50), logs/1 @80-129 (50)}. */
    @Override
    public String toString() {
        return placements.stream().map(Placement::toString).collect(Collectors.joining(", "));
    }
}
