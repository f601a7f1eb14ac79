package dev.batchyard.app.detail;

import dev.batchyard.engine.Batch;

/** A batch as the Go agent's {@code batch_<id>.json} file holds it. */
@FunctionalInterface
public interface BatchJson {
    String write(Batch batch);

    /** The file name the Go agent gives this batch. */
    static String fileName(String id) {
        return "batch_" + id + ".json";
    }
}
