package dev.batchyard.engine;

/** What an operator can do to a replay under way: pause it, resume it, or cancel what is left of it. */
public enum ReplayControl {
    PAUSE, RESUME, CANCEL
}
