/**
 * The delivery layer: the sink SPI ({@link dev.batchyard.sink.Sink}, {@link dev.batchyard.sink.ConfigNode},
 * {@link dev.batchyard.sink.Secret}), the lanes, circuit breakers and fallback policy, and the
 * engine's {@link dev.batchyard.engine.Delivery} over them ({@link dev.batchyard.sink.SinkDelivery}).
 *
 * <h2>Packages, arrows pointing down</h2>
 * <pre>
 * sink.config                  reads the sinks section, names the concrete sinks
 *   sink.http, sink.file, sink.simulated    the concrete sinks, on the SPI
 *     sink                     SPI, registry, lanes, breakers, fallback; imports no sub-package
 * </pre>
 *
 * <h2>Wiring</h2>
 * The runtime ({@code dev.batchyard.runtime.StoreOpener}) is the one place that assembles the sink
 * layer with the engine: the registry from {@code config.yaml}'s {@code sinks} section, a
 * {@link dev.batchyard.sink.SinkDelivery} on the engine's event bus, and the close order (the
 * engine, then the registry).
 *
 * <h2>What a repeated delivery does (delivery is at-least-once)</h2>
 * A batch is sent again when its success was not recorded: a crash between the sink's answer and
 * the store's fsync, an answer later than {@code batch_timeout}, or a timeout whose request did
 * arrive. Per sink:
 * <table>
 * <caption>Redelivery per sink</caption>
 * <tr><th>sink</th><th>a batch sent twice</th></tr>
 * <tr><td>elasticsearch</td><td>no copy: each entry is indexed under {@code <batch id>-<index>}, the
 *     second write replaces the first</td></tr>
 * <tr><td>loki</td><td>normally no copy: Loki drops a line equal (stream, timestamp, text) to one it has</td></tr>
 * <tr><td>splunk</td><td>indexed twice; HEC does not deduplicate</td></tr>
 * <tr><td>http</td><td>sent twice with the same {@code X-Batchyard-Batch-Id}; the receiver may drop it</td></tr>
 * <tr><td>local_file</td><td>appended twice; a failed write is cut back, so no half batch</td></tr>
 * <tr><td>simulated</td><td>counted twice, and reported as a duplicate</td></tr>
 * </table>
 *
 * <h2>Secrets</h2>
 * Passwords, tokens and credential headers are held as {@link dev.batchyard.sink.Secret}s, checked
 * when the config is read (a credential the HTTP client would refuse never reaches a request), and
 * shown by one rule, {@link dev.batchyard.sink.Redaction}. Every failure reason leaves the sink
 * layer through one {@link dev.batchyard.sink.FailureReasonScrubber} (in {@code SinkLane}), so no
 * secret or control character reaches an event, a log line, the breaker's health or the store.
 */
package dev.batchyard.sink;
