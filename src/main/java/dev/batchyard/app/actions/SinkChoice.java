package dev.batchyard.app.actions;

/** A sink the operator can pick, with its health at the moment of asking. */
public record SinkChoice(String name, SinkHealth health) {
    public boolean selectable() {
        return health != SinkHealth.UNKNOWN;
    }
}
