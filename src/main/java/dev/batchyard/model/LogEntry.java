package dev.batchyard.model;

/** Placeholder until the Go-compatible model lands (the model/legacy work replaces this file). */
public record LogEntry(String message) {
}
