/**
 * The operator's seam: {@link dev.batchyard.console.Console}, what a tool (the window, the CLI, the
 * admin API) can see and do on one store on behalf of one actor, and the plain data that crosses
 * it. The window and the CLI reach a store only through a console (the runtime opens the store and
 * makes its embedded console; the admin API's client will be a second console over HTTP).
 *
 * <p>This package knows the engine's data types and nothing above them: no sink layer, no config,
 * no app, CLI or JavaFX (DependencyRuleTest).
 */
package dev.batchyard.console;
