package dev.batchyard.console;

/**
 * Whether a console may change its store and, when it may not, why: the window says which in its
 * status bar, the CLI on stderr. Only one process changes a store at a time (the store's lock);
 * every other opens it read-only.
 */
public sealed interface Access {

    /** Whether changes (actions, persisting, pausing, cleanup) are allowed. */
    boolean writable();

    /** This console's process holds the store's lock: it may change the store. */
    record Writable() implements Access {
        @Override
        public boolean writable() {
            return true;
        }
    }

    /** Read-only because the operator asked for it ({@code --read-only}, {@code verify}, a browsing copy). */
    record ReadOnlyByChoice() implements Access {
        @Override
        public boolean writable() {
            return false;
        }
    }

    /**
     * Read-only because the admin API's token this console sends may not change the store: the
     * server's console could, but its role ({@code viewer}) may only look.
     *
     * @param tokenName the token's name on the server (the actor its changes would have had)
     * @param role      its role, as the server names it
     */
    record ReadOnlyToken(String tokenName, String role) implements Access {
        @Override
        public boolean writable() {
            return false;
        }
    }

    /**
     * Read-only because another process holds the store's lock (the lock was asked for and refused):
     * what is shown may be changing under it.
     *
     * @param holderPid the holder's pid as its lock file says, or -1 when that could not be read
     */
    record HeldElsewhere(long holderPid) implements Access {
        @Override
        public boolean writable() {
            return false;
        }
    }
}
