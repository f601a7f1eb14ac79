package dev.batchyard.app.fleet;

import dev.batchyard.connections.Connection;
import java.time.Instant;
import java.util.Objects;

/**
 * One connection in the fleet view, as its last probe found it. Immutable: each answer makes a new
 * row, which replaces the old one in the view model's list.
 *
 * @param state     how the connection stands
 * @param reason    why it is disconnected, in words (empty otherwise)
 * @param figures   the store's counts when it answered; {@code null} while it does not (a number
 *                  from a store that no longer answers would be shown as if it were current)
 * @param sparkline its pending count over the last hour (kept across a disconnection)
 * @param readAt    when the store last answered, or {@code null}
 */
public record FleetRow(Connection connection, RowState state, String reason, Figures figures, Sparkline sparkline,
                       Instant readAt) {
    public FleetRow {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(sparkline, "sparkline");
    }

    /** A connection just listed, not probed yet. */
    public static FleetRow waiting(Connection connection) {
        return new FleetRow(connection, RowState.WAITING, "", null, Sparkline.empty(), null);
    }

    public FleetRow read(Figures figures, Instant at) {
        return new FleetRow(connection, RowState.CONNECTED, "", figures,
                sparkline.plus(new Sparkline.Sample(at, figures.pending())), at);
    }

    public FleetRow disconnected(String why) {
        return new FleetRow(connection, RowState.DISCONNECTED, why, null, sparkline, readAt);
    }

    public FleetRow notOpen() {
        return new FleetRow(connection, RowState.NOT_OPEN, "", null, sparkline, readAt);
    }

    public String name() {
        return connection.name();
    }
}
