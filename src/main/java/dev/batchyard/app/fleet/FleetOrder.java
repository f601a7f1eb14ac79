package dev.batchyard.app.fleet;

import dev.batchyard.connections.Environment;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;

/**
 * How each column of the fleet view sorts: numbers as numbers, durations by length, the environment
 * from dev to prod, the state from connected to disconnected, names ignoring case. A row without a
 * value (a store that does not answer) comes before every value, ascending. The view's sort is
 * stable, so rows equal in a column keep the order their connections are listed in.
 */
public final class FleetOrder {
    public static final Comparator<String> NAME = String.CASE_INSENSITIVE_ORDER;
    public static final Comparator<Environment> ENVIRONMENT = Comparator.naturalOrder();
    public static final Comparator<RowState> STATE = Comparator.naturalOrder();
    public static final Comparator<Long> COUNT = Comparator.nullsFirst(Comparator.naturalOrder());
    public static final Comparator<Duration> AGE = Comparator.nullsFirst(Comparator.naturalOrder());
    public static final Comparator<SinkSummary> SINKS = Comparator.nullsFirst(Comparator.naturalOrder());

    private FleetOrder() {
    }

    /** The pending count, or {@code null} when the store does not answer: a column's value. */
    public static Long pending(FleetRow row) {
        return figure(row, Figures::pending);
    }

    public static Long retrying(FleetRow row) {
        return figure(row, Figures::retrying);
    }

    public static Long dead(FleetRow row) {
        return figure(row, Figures::dead);
    }

    public static Long bytes(FleetRow row) {
        return figure(row, Figures::bytes);
    }

    public static Duration oldest(FleetRow row) {
        return row.figures() == null ? null : row.figures().oldestAge();
    }

    public static SinkSummary sinks(FleetRow row) {
        return row.figures() == null ? null : row.figures().sinks();
    }

    private static Long figure(FleetRow row, Function<Figures, Long> pick) {
        return row.figures() == null ? null : pick.apply(row.figures());
    }
}
