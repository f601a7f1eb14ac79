package dev.batchyard.serve.auth;

import dev.batchyard.config.ServeSettings.Role;
import dev.batchyard.model.Actor;
import java.util.Objects;

/**
 * Who made a request: the name of the token it sent (the actor in the audit trail) and that
 * token's role. With no tokens configured (loopback only) every caller is {@link #ANONYMOUS}, an
 * operator.
 */
public record Caller(String name, Role role) {
    public static final Caller ANONYMOUS = new Caller("anonymous", Role.OPERATOR);

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** Whether this caller's role allows {@code access}. */
    public boolean may(Access access) {
        return switch (access) {
            case NONE -> true;
            case READ -> role == Role.VIEWER || role == Role.OPERATOR;
            case INGEST -> role == Role.INGEST || role == Role.OPERATOR;
            case CHANGE -> role == Role.OPERATOR;
        };
    }

    public Actor actor() {
        return new Actor(name);
    }
}
