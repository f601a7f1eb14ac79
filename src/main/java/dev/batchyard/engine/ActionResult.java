package dev.batchyard.engine;

/** What an operator action did to one id: done, or why not. */
public record ActionResult(String id, boolean ok, String message) {
    public static ActionResult done(String id, String message) {
        return new ActionResult(id, true, message);
    }

    public static ActionResult refused(String id, String why) {
        return new ActionResult(id, false, why);
    }
}
