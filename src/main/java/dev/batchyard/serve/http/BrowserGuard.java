package dev.batchyard.serve.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps web pages out. Batchyard serves no browser pages and allows no cross-origin calls (no
 * CORS), yet a page in the operator's browser can still send requests to a port on loopback:
 * <ul>
 *   <li>a request with an {@code Origin} header comes from a page (browsers add it to cross-site
 *       requests and to every POST): refused, so a page cannot push or change anything, even when
 *       no tokens are configured;</li>
 *   <li>on a loopback address, a {@code Host} that is not a loopback name or address means a DNS
 *       rebinding page (a name of the attacker's that now points at 127.0.0.1): refused, so such a
 *       page cannot read the API either.</li>
 * </ul>
 * Immutable.
 */
final class BrowserGuard {
    /** Compiled once: {@code String.matches} compiled it on every request. */
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean loopback;

    /** @param loopback whether the server listens on a loopback address only */
    BrowserGuard(boolean loopback) {
        this.loopback = loopback;
    }

    /** Why the request is refused (403), or empty. */
    Optional<String> refusal(String origin, String host) {
        if (origin != null) {
            return Optional.of("requests from web pages (with an Origin header) are refused: Batchyard allows no"
                    + " cross-origin calls");
        }
        if (loopback && host != null && !isLoopbackHost(host)) {
            return Optional.of("this server listens on loopback and answers only requests for a loopback host"
                    + " (localhost, 127.0.0.1, [::1]), not for the Host given");
        }
        return Optional.empty();
    }

    static boolean isLoopbackHost(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 && h.substring(1, close).equals("::1");
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.equals("localhost") || name.endsWith(".localhost") || IPV4_LOOPBACK.matcher(name).matches();
    }
}
