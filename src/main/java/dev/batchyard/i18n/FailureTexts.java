package dev.batchyard.i18n;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.BatchTooLargeException;
import dev.batchyard.engine.store.DamagedBatchException;
import dev.batchyard.engine.store.StoreChangedException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.engine.store.UnknownBatchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps a failure's type and fields to a bundle key. The common ones an operator meets (store held
 * by another process, opened read-only, full, a bad config value, an id that is gone) are worded
 * in full; any other gets a headline for its kind and keeps its own English text as the detail,
 * as translating every low-level I/O message is neither possible nor useful.
 */
final class FailureTexts {
    private final EngineTexts texts;

    FailureTexts(EngineTexts texts) {
        this.texts = texts;
    }

    FailureText describe(Throwable failure) {
        Throwable f = unwrapped(failure);
        if (f instanceof StoreLockedException locked) {
            return whole(texts.storeLocked(locked.directory(), locked.holderPid()));
        }
        if (f instanceof StoreChangedException changed) {
            return new FailureText(texts.format("failure.storeChanged", changed.directory()), f.getMessage());
        }
        if (f instanceof DamagedBatchException damaged) {
            // its English text has what is wrong with the record
            return new FailureText(damaged.keptIn()
                    .map(kept -> texts.format("failure.damagedBatchSetAside", damaged.id(), kept))
                    .orElseGet(() -> texts.format("failure.damagedBatchLeft", damaged.id())), f.getMessage());
        }
        if (f instanceof StoreReadOnlyException readOnly) {
            return whole(texts.format("failure.readOnly", readOnly.location()));
        }
        if (f instanceof UnknownBatchException unknown) {
            return whole(texts.format("failure.unknownBatch", unknown.id()));
        }
        if (f instanceof BackPressureException full) {
            // its English text has the counts and the id
            return new FailureText(texts.format("failure.backPressure", full.limitKey()), f.getMessage());
        }
        if (f instanceof BatchTooLargeException tooLarge) {
            return new FailureText(texts.format("failure.batchTooLarge", tooLarge.id(), tooLarge.limit()), f.getMessage());
        }
        if (f instanceof ConfigException config) {
            String in = config.file().map(file -> file + ": ").orElse("");
            return config.key().isEmpty()
                    ? new FailureText(in + texts.format("failure.configFile"), config.problem())
                    : new FailureText(in + texts.format("failure.configValue", config.key(), config.value()),
                            config.allowed());
        }
        String key = f instanceof StoreException ? "failure.store"
                : f instanceof IOException || f instanceof UncheckedIOException ? "failure.io"
                : "failure.unexpected";
        return new FailureText(texts.format(key), f.getMessage() != null ? f.getMessage() : f.toString());
    }

    private static FailureText whole(String headline) {
        return new FailureText(headline, "");
    }

    /** The failure itself, not the wrapper a background task or future put around it. */
    private static Throwable unwrapped(Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        return f;
    }
}
