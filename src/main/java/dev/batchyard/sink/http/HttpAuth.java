package dev.batchyard.sink.http;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The {@code auth} block of an HTTP sink: {@code type} none, basic or bearer. Prints no secrets. */
public sealed interface HttpAuth {

    /** The {@code Authorization} header value, if any. */
    Optional<String> header();

    /** The secrets to scrub from anything shown to people. */
    List<Secret> secrets();

    record None() implements HttpAuth {
        public Optional<String> header() {
            return Optional.empty();
        }

        public List<Secret> secrets() {
            return List.of();
        }
    }

    record Basic(String username, Secret password) implements HttpAuth {
        public Optional<String> header() {
            String pair = username + ":" + password.reveal();
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        public List<Secret> secrets() {
            return List.of(password, Secret.of(header().orElseThrow().substring("Basic ".length())));
        }
    }

    record Bearer(Secret token) implements HttpAuth {
        public Optional<String> header() {
            return Optional.of("Bearer " + token.reveal());
        }

        public List<Secret> secrets() {
            return List.of(token);
        }
    }

    /** Reads {@code auth}; Elasticsearch's top-level {@code username}/{@code password} mean basic. */
    static HttpAuth read(ConfigNode sink) {
        ConfigNode auth = sink.child("auth");
        String type = auth.text("type", "none").strip().toLowerCase(java.util.Locale.ROOT);
        if (type.equals("none") && !sink.text("username", "").isEmpty()) {
            return new Basic(username(sink), sink.secret("password"));
        }
        switch (type) {
            case "none":
            case "":
                return new None();
            case "basic":
                if (auth.text("username", "").isEmpty()) {
                    throw auth.invalid("username", "", "must be set for auth type basic");
                }
                return new Basic(username(auth), auth.secret("password"));
            case "bearer":
                Secret token = auth.headerSecret("token");
                if (token.isEmpty()) {
                    throw auth.invalid("token", "", "must be set for auth type bearer");
                }
                return new Bearer(token);
            default:
                throw auth.invalid("type", type, "must be none, basic or bearer");
        }
    }

    /** Basic auth sends {@code username:password}: a colon in the name would move the split. */
    private static String username(ConfigNode node) {
        String user = node.text("username", "");
        String problem = user.contains(":") ? "must not contain ':' (basic auth separates name and password with it)"
                : Secret.problem(user);
        if (problem != null) {
            throw node.invalid("username", ConfigNode.HIDDEN, problem);
        }
        return user;
    }
}
