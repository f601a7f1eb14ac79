package dev.batchyard.sink;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.EntryRejection;
import java.util.List;
import java.util.Locale;

/**
 * Makes a failure reason fit to keep and show. Every reason a sink produces passes through one of
 * these on its way out of the sink layer ({@code SinkLane}), before the circuit breaker, the log,
 * the events and the engine (which stores it in segments and the checkpoint, and shows it in the
 * app, the CLI and Go exports) see it. In order:
 * <ol>
 *   <li>the exact values of the sink's own secrets become {@code ****};</li>
 *   <li>whatever {@link Redaction} recognises as a credential becomes {@code ****};</li>
 *   <li>line breaks and tabs become spaces, and other control and invisible formatting characters
 *       (an ESC that would start a terminal escape sequence, bidi overrides) become visible
 *       {@code \u001B}-style escapes, so a reason is one line of plain text;</li>
 *   <li>a reason longer than {@value #MAX_LENGTH} characters is cut there, with {@code …}.</li>
 * </ol>
 * A failure's per-entry reasons ({@link DeliveryOutcome.Failed#rejections()}) go through the same steps.
 * Immutable and thread-safe.
 */
public final class FailureReasonScrubber {
    /** Long enough for any reason the built-in sinks write (their body excerpts are 300). */
    public static final int MAX_LENGTH = 2000;
    private final List<Secret> secrets;

    public FailureReasonScrubber(List<Secret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public DeliveryOutcome scrub(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Misconfigured m) {
            return new DeliveryOutcome.Misconfigured(scrub(m.reason()), m.receipt());
        }
        return outcome instanceof DeliveryOutcome.Failed f
                ? new DeliveryOutcome.Failed(scrub(f.reason()), f.retryable(), f.receipt(),
                        f.rejections().stream().map(r -> new EntryRejection(r.index(), scrub(r.reason()))).toList())
                : outcome;
    }

    public String scrub(String reason) {
        if (reason == null) {
            return null;
        }
        String out = reason;
        for (Secret s : secrets) {
            out = s.redactFrom(out);
        }
        if (out.length() > 2 * MAX_LENGTH) {
            out = out.substring(0, 2 * MAX_LENGTH); // what is past here is cut below anyway
        }
        out = oneLine(Redaction.text(out));
        return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (hidden(cp)) {
                for (char c : Character.toChars(cp)) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
