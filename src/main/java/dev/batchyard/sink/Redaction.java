package dev.batchyard.sink;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for what the sink layer never shows to people (README, "Secrets"). Shown text is
 * a sink's description, its settings' {@code toString()}, and every failure reason.
 *
 * <ul>
 *   <li><b>Sensitive names.</b> A header or URL query parameter is sensitive when its name, ignoring
 *       case, contains {@code auth}, {@code token}, {@code key}, {@code secret}, {@code pass},
 *       {@code pwd}, {@code cookie}, {@code session}, {@code credential} or {@code signature}
 *       ({@code Authorization}, {@code X-Auth}, {@code Authentication}, {@code X-Api-Key},
 *       {@code api_key}, {@code access_token}, {@code X-Amz-Signature}, ...). Over-matching is
 *       deliberate: a hidden harmless value costs nothing, a shown credential is a leak.</li>
 *   <li><b>Credential-shaped values.</b> A value that starts with an HTTP auth scheme
 *       ({@code Basic}, {@code Bearer}, {@code Digest}, {@code Negotiate}, {@code Splunk},
 *       {@code Token}, {@code ApiKey}) and a space is sensitive whatever its header's name.</li>
 *   <li><b>In URLs:</b> the user info ({@code user:password@}) and the values of sensitive query
 *       parameters become {@code ****}.</li>
 *   <li><b>In free text</b> (failure reasons): every URL as above; {@code name=value},
 *       {@code name: value} and {@code "name": "value"} with a sensitive name; and the credential
 *       after an auth scheme word ({@code Bearer ****}): 8 or more token characters that are not one
 *       all-lower-case word.</li>
 * </ul>
 * On top of this rule, each sink scrubs the exact values of its own configured secrets
 * ({@link Sink#secrets()}, {@link FailureReasonScrubber}). Stateless.
 */
public final class Redaction {
    public static final String MASK = "****";
    private static final List<String> SENSITIVE_PARTS = List.of("auth", "token", "key", "secret", "pass", "pwd",
            "cookie", "session", "credential", "signature");
    private static final String SCHEMES = "Basic|Bearer|Digest|Negotiate|Splunk|Token|ApiKey";
    private static final Pattern SCHEME_VALUE = Pattern.compile("(?i)^(" + SCHEMES + ") \\S");
    // Each pattern may start only where its first run of characters starts (the look-behinds), and
    // runs are bounded, so a long reason is scanned in linear time, not quadratic.
    private static final Pattern URL = Pattern.compile("(?<![a-zA-Z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^\\s\"'<>]+");
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");
    private static final Pattern QUERY_PAIR = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");
    /**
     * {@code name=value}, {@code name: value}, {@code "name": "value"} in free text, with a
     * sensitive name (the parts are in the pattern, so a harmless pair never swallows the next one).
     */
    private static final Pattern PAIR = Pattern.compile("(?i)(?<![\\w.-])([\\w.-]{0,48}?(?:"
            + String.join("|", SENSITIVE_PARTS) + ")[\\w.-]{0,48})(\"?\\s{0,8}[=:]\\s{0,8}\"?)([^\\s\"&,;}]+)");
    /** A scheme word followed by something credential-shaped (8 or more token68 characters). */
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile(
            "(?i)\\b(" + SCHEMES + ")(\\s{1,8})([A-Za-z0-9._~+/=-]{8,})");

    private Redaction() {
    }

    /** Whether a header or query parameter of this name carries a credential, by the rule above. */
    public static boolean isSensitiveName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SENSITIVE_PARTS.stream().anyMatch(n::contains);
    }

    /** Whether a header with this name and value carries a credential: its name, or its value's shape. */
    public static boolean isSensitiveHeader(String name, String value) {
        return isSensitiveName(name) || (value != null && SCHEME_VALUE.matcher(value).find());
    }

    /** One URL with its user info and sensitive query values masked. */
    public static String url(String url) {
        String noUser = USER_INFO.matcher(url).replaceFirst("$1" + MASK + "@");
        return replace(QUERY_PAIR, noUser, m -> isSensitiveName(decode(m.group(2)))
                ? m.group(1) + m.group(2) + "=" + MASK : m.group());
    }

    /** Free text with every credential the rule recognises masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(URL, text, m -> url(m.group()));
        // an all-lower-case word after a scheme is prose ("Basic authentication required"), not a credential
        out = replace(SCHEME_CREDENTIAL, out, m -> m.group(3).matches("[a-z]+") ? m.group()
                : m.group(1) + m.group(2) + MASK);
        return replace(PAIR, out, m -> m.group(3).equals(MASK) ? m.group() : m.group(1) + m.group(2) + MASK);
    }

    /** A query parameter's name as the server reads it ({@code api%5Fkey} is {@code api_key}). */
    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name; // a bad %-escape: judge the name as written
        }
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
