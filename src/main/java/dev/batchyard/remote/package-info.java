/**
 * A {@link dev.batchyard.console.Console} across a network: {@link dev.batchyard.remote.RemoteConsole}
 * over the admin API of {@code batchyard serve}, with a bearer token, TLS with a CA file, caps and
 * timeouts against a peer that lies or stalls, cursor paging, events over Server-Sent Events that
 * resume after a dropped connection, and the connection's state for a window to show
 * ({@link dev.batchyard.remote.ConnectionState}). It knows the console, the engine's and search's
 * data types and the Go JSON codec (the API writes entries as the Go agent does); it knows nothing
 * of the server's code, the window or the CLI.
 */
package dev.batchyard.remote;
