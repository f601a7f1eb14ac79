/**
 * The stores a window can open, remembered for its user: local store directories and remote
 * {@code batchyard serve} instances, each with an {@link dev.batchyard.connections.Environment}, and
 * the recently opened stores. Plain data and one file ({@link dev.batchyard.connections.ConnectionFile});
 * how a connection is opened (the runtime for a local store, the admin API's client for a remote
 * one) and shown is the window's business. A secret never enters this package's file: a remote
 * connection names the file its token is kept in.
 */
package dev.batchyard.connections;
