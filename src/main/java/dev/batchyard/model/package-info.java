/**
 * The domain: log entries field for field as the Go agent has them
 * ({@link dev.batchyard.model.LogEntry}, {@link dev.batchyard.model.ProcessingStep}), the
 * normalised JSON values they carry, and how a non-Go source spelled a key
 * ({@link dev.batchyard.model.KeyForm}). No formats live here: the codecs that read and write
 * entries are in {@code dev.batchyard.codec} and its sub-packages, and this package imports none
 * of them.
 */
package dev.batchyard.model;
