/**
 * Time values in the forms Batchyard reads and writes that {@code java.time} does not handle
 * itself: Go's duration syntax of {@code config.yaml} ({@link dev.batchyard.time.GoDuration}) and
 * times kept as numbers in binary records ({@link dev.batchyard.time.EpochTime}). A leaf: it
 * imports nothing of Batchyard, so the config, the sinks, the codecs and the store can all use it.
 */
package dev.batchyard.time;
