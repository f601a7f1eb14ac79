/**
 * The domain: log entries field for field as the Go agent has them
 * ({@link dev.batchyard.model.LogEntry}, {@link dev.batchyard.model.ProcessingStep}), the
 * normalised JSON values they carry, and how a non-Go source spelled a key
 * ({@link dev.batchyard.model.KeyForm}); and the domain of a stored batch: its
 * {@link dev.batchyard.model.BatchState}, its delivery {@link dev.batchyard.model.Attempt}s, and the
 * {@link dev.batchyard.model.Actor} of an operator action. No formats live here: the codecs that
 * read and write entries are in {@code dev.batchyard.codec} and its sub-packages. This package
 * imports nothing of Batchyard.
 */
package dev.batchyard.model;
