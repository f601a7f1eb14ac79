package dev.batchyard.remote;

import java.time.Duration;

/** Small text helpers for messages made of what a peer sent: nothing it sends can break a line or a terminal. */
final class Texts {
    static final int MAX_QUOTED = 500;

    private Texts() {
    }

    /** {@code text} with control characters as spaces, cut at {@value #MAX_QUOTED} characters. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED + 1));
        for (int i = 0; i < text.length() && out.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > MAX_QUOTED ? out.append('…').toString() : out.toString();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
