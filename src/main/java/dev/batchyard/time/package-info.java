/**
 * Time values in the forms Batchyard reads and writes that {@code java.time} does not handle
 * itself: times kept as numbers in binary records ({@link dev.batchyard.time.EpochTime}). A leaf:
 * it imports nothing of Batchyard.
 */
package dev.batchyard.time;
