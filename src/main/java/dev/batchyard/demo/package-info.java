/** Demo traffic: realistic log entries persisted at a chosen rate into simulated sinks. */
package dev.batchyard.demo;
