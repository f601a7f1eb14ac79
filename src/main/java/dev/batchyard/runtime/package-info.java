/**
 * The one assembly that opens Batchyard on a store: {@link dev.batchyard.runtime.StoreOpener} reads
 * the configuration, builds the sinks, the event bus and the engine in a
 * {@link dev.batchyard.runtime.Mode} (window, read-only, demo, a CLI command's, the service), and
 * hands back an {@link dev.batchyard.runtime.OpenStore}: consoles over it, one per actor
 * ({@link dev.batchyard.runtime.EmbeddedConsole}), the demo's simulated sinks, and the one close
 * order.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * Settings settings = setup.load(where, demoSinks);      // config.yaml -> persistence + SinkRegistry
 * EventBus events = new EventBus(clock);
 * Delivery delivery = settings.sinks().connect(events);   // new SinkDelivery(registry, events, clock)
 * BatchPersistence engine = BatchPersistence.open(settings.persistence(), delivery, clock, events, options);
 * ... engine.close(); settings.sinks().close();          // OpenStore.close()
 * }</pre>
 * Tests hand in their own {@link dev.batchyard.runtime.Setup} (settings and a
 * {@link dev.batchyard.runtime.SinkLayer}); nothing else differs.
 */
package dev.batchyard.runtime;
