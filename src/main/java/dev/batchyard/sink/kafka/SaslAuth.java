package dev.batchyard.sink.kafka;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code auth} block: SASL with {@code mechanism} PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, a
 * {@code username} and a {@code password} (or {@code password_file}, or {@code ${VAR}}: the
 * secrets rule of every sink). Without a mechanism (or with the Go agent's {@code enabled: false})
 * there is no SASL. Prints no password.
 *
 * @param mechanism {@code null} when there is no SASL
 */
public record SaslAuth(String mechanism, String username, Secret password) {
    private static final Set<String> KEYS = Set.of("enabled", "mechanism", "username", "password");
    private static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    static SaslAuth none() {
        return new SaslAuth(null, "", Secret.empty());
    }

    static SaslAuth read(ConfigNode sink) {
        ConfigNode auth = sink.child("auth");
        Keys.refuseUnknown(auth, KEYS);
        String mechanism = auth.text("mechanism", "").strip().toUpperCase(Locale.ROOT);
        if (!auth.bool("enabled", !mechanism.isEmpty())) {
            return none();
        }
        if (!MECHANISMS.contains(mechanism)) {
            throw auth.invalid("mechanism", mechanism, "must be one of " + String.join(", ", MECHANISMS));
        }
        String username = auth.text("username", "");
        String problem = username.isEmpty() ? "must be set for SASL " + mechanism : Secret.problem(username);
        if (problem != null) {
            throw auth.invalid("username", username.isEmpty() ? "" : ConfigNode.HIDDEN, problem);
        }
        Secret password = auth.secret("password");
        if (password.isEmpty()) {
            throw auth.invalid("password", "", "must be set for SASL " + mechanism
                    + " (or password_file, or ${VAR})");
        }
        return new SaslAuth(mechanism, username, password);
    }

    public boolean enabled() {
        return mechanism != null;
    }

    /** What a description adds: the mechanism and user, never the password. */
    String note() {
        return enabled() ? ", SASL " + mechanism + " as '" + username + "'" : "";
    }

    /**
     * The JAAS line the producer logs in with. The username and password are quoted as JAAS
     * needs: a backslash or a double quote in them is escaped.
     */
    String jaasConfig() {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password.reveal()) + "\";";
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return enabled() ? "SaslAuth[" + mechanism + ", " + username + ", password=" + password + "]" : "SaslAuth[none]";
    }
}
