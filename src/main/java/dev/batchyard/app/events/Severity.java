package dev.batchyard.app.events;

/** How much an event row should catch the eye; the view maps it to a theme colour. */
public enum Severity {
    INFO,
    SUCCESS,
    WARNING,
    DANGER
}
