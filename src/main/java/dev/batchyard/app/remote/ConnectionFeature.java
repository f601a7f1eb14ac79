package dev.batchyard.app.remote;

import dev.batchyard.app.common.Formats;
import dev.batchyard.remote.ConnectionState;
import java.time.Clock;
import javafx.beans.value.ObservableValue;

/**
 * A remote window's connection, shown: the banner under the toolbar and its view model, which
 * follows {@code state} (the session's connection, on the UI thread) from now on.
 */
public record ConnectionFeature(ConnectionBannerView banner, ConnectionViewModel model) {

    /**
     * @param location      the server's URL
     * @param onReconnected runs on the UI thread each time the server answers again after a drop
     */
    public static ConnectionFeature build(ObservableValue<ConnectionState> state, String location, Formats formats,
                                          Clock clock, Runnable onReconnected) {
        ConnectionViewModel model = new ConnectionViewModel(location, formats, clock, onReconnected);
        model.accept(state.getValue());
        state.addListener((o, was, now) -> model.accept(now));
        return new ConnectionFeature(new ConnectionBannerView(model, formats.messages()), model);
    }
}
