package dev.batchyard.serve.auth;

import dev.batchyard.config.ServeSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the caller of a request from its {@code Authorization: Bearer <token>} header, among the
 * tokens of {@code serve.tokens}. The comparison takes the same time whichever token matches, how
 * much of one matches, and whether any does: each configured token is held as its SHA-256 digest
 * and every digest is compared in full ({@link MessageDigest#isEqual}), so the answer time tells
 * nothing about a token's bytes or length. Immutable and thread-safe; holds no token in the clear.
 */
public final class BearerTokens {
    private record Known(byte[] digest, Caller caller) {
    }

    private final List<Known> known;

    public BearerTokens(List<ServeSettings.ApiToken> tokens) {
        this.known = tokens.stream().map(t -> new Known(sha256(t.token().reveal()), new Caller(t.name(), t.role())))
                .toList();
    }

    /** Whether any token is configured; without one, nobody needs a token. */
    public boolean required() {
        return !known.isEmpty();
    }

    /**
     * The caller of {@code authorization} (the header's value, or null): {@link Caller#ANONYMOUS}
     * when no token is configured, empty when it names no known token.
     */
    public Optional<Caller> caller(String authorization) {
        if (!required()) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String presented = bearer(authorization);
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Caller found = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(k.digest(), digest) && found == null) {
                found = k.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The token of a {@code Bearer} header (the scheme in any case), or null. */
    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String h = authorization.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        return h.substring(7).strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
