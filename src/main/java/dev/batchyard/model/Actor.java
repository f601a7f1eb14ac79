package dev.batchyard.model;

/** Who asked for an operator action: an OS user, a named operator, or a policy of the engine. */
public record Actor(String name) {
    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
    }

    /** The user running this process. */
    public static Actor osUser() {
        return new Actor(System.getProperty("user.name", "unknown"));
    }

    /** The engine acting on a configured policy, e.g. {@code policy:fallback}. */
    public static Actor policy(String policy) {
        return new Actor("policy:" + policy);
    }
}
