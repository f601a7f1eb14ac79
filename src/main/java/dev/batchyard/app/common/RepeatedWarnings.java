package dev.batchyard.app.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Warnings that would otherwise repeat every second while their cause lasts: a remote server that is
 * away fails every poll of the status bar, the charts and the replay panel, about three a second.
 * The first warning of a kind is written; the same kind again within {@code quiet} is only counted,
 * and the count is said with the next one written after that. A kind is the text with any URL query
 * left out, so the pages of one read are one kind. The window says what is wrong (its banner); the
 * log keeps the first line of each cause and how long it went on. At most {@value #KINDS} kinds are
 * remembered, the least recently seen forgotten first. The text is written as {@link OneLine}: it
 * carries an exception's or a server's message, which may hold a newline. Thread-safe.
 */
public final class RepeatedWarnings {
    private static final int KINDS = 64;
    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    private final Duration quiet;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, Written> kinds = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
            return size() > KINDS;
        }
    };

    /** When a kind was last written, and how many of it came since. */
    private static final class Written {
        private final Instant at;
        private int since;

        private Written(Instant at) {
            this.at = at;
        }
    }

    /**
     * @param quiet how long a kind written is only counted
     * @param log   where a warning is written (in the app, an SLF4J logger's {@code warn})
     */
    public RepeatedWarnings(Duration quiet, Clock clock, Consumer<String> log) {
        this.quiet = quiet;
        this.clock = clock;
        this.log = log;
    }

    /** Writes {@code text}, or counts it when the same kind was written less than {@code quiet} ago. */
    public void warn(String warning) {
        String text = OneLine.of(warning);
        String line;
        synchronized (this) {
            Instant now = clock.instant();
            String kind = QUERY.matcher(text).replaceAll("");
            Written last = kinds.get(kind);
            if (last != null && now.isBefore(last.at.plus(quiet))) {
                last.since++;
                return;
            }
            kinds.put(kind, new Written(now));
            line = last == null || last.since == 0 ? text
                    : text + " (" + last.since + " more like it since " + last.at + " not written)";
        }
        log.accept(line);
    }
}
