package dev.batchyard.training.scenario;

/**
 * A scenario file that cannot be used: names the file, the line and the key, and what is wrong
 * ({@code my-drill.yaml, line 12, key timeline[2].break: no sink 'splunk' (the demo's sinks are ...)}).
 */
public final class ScenarioException extends RuntimeException {
    private final transient ScenarioSource source;
    private final int line;
    private final String key;
    private final String problem;

    public ScenarioException(ScenarioSource source, int line, String key, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + (key.isEmpty() ? "" : ", key " + key) + ": " + problem);
        this.source = source;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    public ScenarioSource source() {
        return source;
    }

    /** 1-based; 0 when the problem has no line (the file could not be read). */
    public int line() {
        return line;
    }

    /** The key path ({@code tasks[0].within}); empty for the whole file. */
    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
