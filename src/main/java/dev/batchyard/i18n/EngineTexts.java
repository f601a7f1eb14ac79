package dev.batchyard.i18n;

import dev.batchyard.engine.ActionResult;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The operator's words for what the engine reports, from {@code dev/batchyard/i18n/engine*.properties},
 * shared by the app and the CLI so that a reason is translated once. The engine answers with
 * {@link ActionResult.Reason}s and typed exceptions and knows no language; this is where they
 * become sentences.
 */
public final class EngineTexts {
    public static final String BUNDLE = "dev.batchyard.i18n.engine";
    static final String REASON_PREFIX = "action.reason.";

    private final ResourceBundle bundle;
    private final Locale locale;

    public EngineTexts(Language language) {
        this.bundle = language.bundle(BUNDLE);
        this.locale = language.locale();
    }

    /** One id's answer, e.g. "o sink 'kafka' não está configurado ou está desativado". */
    public String reason(ActionResult result) {
        return format(REASON_PREFIX + result.reason().code(), result.args().toArray());
    }

    /**
     * That another process holds the store in {@code directory}: the headline of a refused open, and
     * what a command falling back to read-only says.
     *
     * @param holderPid the holder's pid, or -1 when unknown
     */
    public String storeLocked(Object directory, long holderPid) {
        return holderPid > 0 ? format("failure.storeLocked", directory, holderPid)
                : format("failure.storeLockedNoPid", directory);
    }

    /** A failure the operator should read: a headline in this language and the English detail, if any. */
    public FailureText failure(Throwable failure) {
        return new FailureTexts(this).describe(failure);
    }

    String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
