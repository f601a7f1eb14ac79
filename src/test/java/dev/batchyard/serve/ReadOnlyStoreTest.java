package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.OPERATOR_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.metrics.ServeMetrics;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service over a store it may not change answers every change 409, saying why, and changes nothing. */
class ReadOnlyStoreTest {
    @TempDir
    Path dir;

    @Test
    void aChangeOfAReadOnlyStoreIs409WithWhy() {
        PersistenceConfig config = PersistenceConfig.defaults(dir);
        StoreOpener opener = new StoreOpener(Clock.systemUTC(),
                (where, demo) -> new Settings(config, SinkLayer.fixed(Delivery.none(), List.of("loki"))));
        try (OpenStore writable = opener.open(StoreLocation.of(dir), Mode.service())) {
            writable.console(new Actor("setup")).persist(NewBatch.of("b-1",
                    List.of(LogEntry.builder().message("m").timestamp(OffsetDateTime.now()).build()), "loki"));
        }
        ServeSettings settings = ServeFixture.withTokens();
        try (OpenStore readOnly = opener.open(StoreLocation.of(dir), Mode.readOnly());
             Service inTest = Service.start(settings, ListenAddress.parse(settings.listen()), readOnly, new ServeMetrics(),
                     Clock.systemUTC())) {
            String url = "http://127.0.0.1:" + inTest.port();
            Http http = new Http();

            HttpResponse<String> discard = http.post(url + "/api/v1/actions/discard", "application/json",
                    "{\"ids\": [\"b-1\"], \"reason\": \"x\"}".getBytes(StandardCharsets.UTF_8), bearer(OPERATOR_TOKEN));
            HttpResponse<String> pause = http.post(url + "/api/v1/recovery/pause", "application/json", new byte[0],
                    bearer(OPERATOR_TOKEN));

            assertEquals(409, discard.statusCode(), discard.body());
            assertTrue(discard.body().contains("opened read-only"), discard.body());
            assertEquals(409, pause.statusCode(), pause.body());
            assertEquals(200, http.get(url + "/api/v1/batches/b-1", bearer(OPERATOR_TOKEN)).statusCode());
        }
    }
}
