package dev.batchyard.training.run;

import dev.batchyard.demo.DemoSinks;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.Setup;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.training.scenario.Scenario;
import java.time.Clock;

/**
 * How a scenario's store opens: the Go defaults with the scenario's limits, and always the demo's
 * simulated sinks (a scenario never delivers anywhere real), on the scenario's clock.
 */
record TrainingStoreSetup(Scenario.StoreSettings limits, Clock clock, long seed) implements Setup {

    @Override
    public Settings load(StoreLocation where, boolean demoSinks) {
        PersistenceConfig d = PersistenceConfig.defaults(where.store());
        long pendingBytes = limits.maxPendingBytes() == null ? d.maxPendingBytes() : limits.maxPendingBytes();
        PersistenceConfig config = new PersistenceConfig(true, where.store(),
                limits.maxPendingBatches() == null ? d.maxPendingBatches() : limits.maxPendingBatches(),
                d.batchTimeout(),
                limits.maxRecoveryRetries() == null ? d.maxRecoveryRetries() : limits.maxRecoveryRetries(),
                d.recoveryBackoffBase(), d.recoveryBackoffMax(), d.cleanupInterval(),
                limits.batchTtl() == null ? d.batchTtl() : limits.batchTtl(),
                Math.min(d.maxBatchBytes(), pendingBytes), pendingBytes);
        SinkRuntime runtime = SinkRuntime.create(clock, seed);
        try {
            return new Settings(config, SinkLayer.configured(DemoSinks.registry(runtime), clock));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }
}
