package dev.batchyard.app.events;

/** A pop-up the operator should see, already worded: the view shows it, nothing more. */
public record Notice(Severity severity, String title, String text) {
}
