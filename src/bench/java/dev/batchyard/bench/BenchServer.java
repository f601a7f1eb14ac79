package dev.batchyard.bench;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.Service;
import dev.batchyard.serve.metrics.ServeMetrics;
import dev.batchyard.sink.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bench store opened in service mode (no sinks) and {@code batchyard serve} over it on a free
 * loopback port with one token, as the command puts them together; closed in the command's order.
 */
record BenchServer(OpenStore store, Service service) implements AutoCloseable {

    static BenchServer start(Path dir, ServeSettings.Role role, String token) {
        ServeSettings d = ServeSettings.defaults();
        ServeSettings settings = new ServeSettings("127.0.0.1:0", Optional.empty(),
                List.of(new ServeSettings.ApiToken("bench", role, Secret.of(token))),
                Optional.of("loki"), Map.of(), d.limits(), d.retryAfter(), Optional.empty());
        ServeMetrics metrics = new ServeMetrics();
        OpenStore store = new StoreOpener(Clock.systemUTC(),
                (where, demo) -> new Settings(BatchyardDesign.config(dir), SinkLayer.none()),
                EngineOptions.defaults().withStoreObserver(metrics.storeObserver())).open(StoreLocation.of(dir),
                Mode.service());
        try {
            return new BenchServer(store, Service.start(settings, ListenAddress.parse(settings.listen()), store, metrics,
                    Clock.systemUTC()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    int port() {
        return service.port();
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            store.close();
        }
    }
}
