package dev.batchyard.runtime;

import dev.batchyard.console.Access;
import dev.batchyard.engine.store.StoreLockedException;
import java.util.Objects;

/**
 * How a store is opened: whether the lock is needed, which sinks deliver, whether the recovery loop
 * sends the backlog by itself, and whether a missing store may be created. The factories are the
 * modes Batchyard has; each is tested in {@code StoreOpenerTest}.
 *
 * <table>
 * <caption>The modes</caption>
 * <tr><th>mode</th><th>lock</th><th>sinks</th><th>backlog</th><th>creates</th><th>for</th></tr>
 * <tr><td>{@link #window()}</td><td>required</td><td>configured</td><td>sent</td><td>yes</td><td>the desktop app</td></tr>
 * <tr><td>{@link #readOnly()}</td><td>none</td><td>configured (health only)</td><td>-</td><td>no</td>
 *     <td>{@code --read-only}, a browsing copy, {@code verify}</td></tr>
 * <tr><td>{@link #readOnly(StoreLockedException)}</td><td>none</td><td>configured</td><td>-</td><td>no</td>
 *     <td>a window over a store another process holds</td></tr>
 * <tr><td>{@link #demo()}</td><td>required</td><td>the simulated demo sinks</td><td>sent</td><td>yes</td><td>{@code --demo}</td></tr>
 * <tr><td>{@link #reading()}</td><td>if free, else read-only</td><td>configured</td><td>held</td><td>no</td>
 *     <td>{@code list}, {@code show}, {@code stats}, {@code export}</td></tr>
 * <tr><td>{@link #changing()}</td><td>required</td><td>configured</td><td>held</td><td>no</td>
 *     <td>{@code retry}, {@code discard}, {@code reroute}</td></tr>
 * <tr><td>{@link #importing()}</td><td>required</td><td>configured</td><td>held</td><td>yes</td><td>{@code import-go}, the Go browser's copy</td></tr>
 * <tr><td>{@link #service()}</td><td>required</td><td>configured</td><td>sent</td><td>yes</td><td>{@code serve}</td></tr>
 * </table>
 * "Held" means a command's engine never starts sending the backlog on its own: only what an
 * operator asks for ({@code retry ID}) goes out while the command runs.
 *
 * @param lock           how the store's lock is taken
 * @param readOnlyReason what a console says about a store opened without the lock ({@link Lock#NONE})
 * @param demoSinks      the simulated demo sinks instead of the configured ones
 * @param sendsBacklog   whether the recovery loop sends due batches by itself
 * @param mayCreate      whether a missing store directory becomes a new, empty store
 */
public record Mode(Lock lock, Access readOnlyReason, boolean demoSinks, boolean sendsBacklog, boolean mayCreate) {

    /** How the store's lock (one writer per store) is taken. */
    public enum Lock {
        /** Take it; a store another process holds fails with {@link StoreLockedException} (its pid). */
        REQUIRED,
        /** Take it if free, else open read-only; the console's access then names the holder. */
        IF_FREE,
        /** Do not take it: read-only, no loops, nothing written. */
        NONE
    }

    public Mode {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(readOnlyReason, "readOnlyReason");
        if (readOnlyReason.writable()) {
            throw new IllegalArgumentException("a read-only reason cannot be " + readOnlyReason);
        }
    }

    public static Mode window() {
        return new Mode(Lock.REQUIRED, new Access.ReadOnlyByChoice(), false, true, true);
    }

    /** Without the lock, by the operator's choice. */
    public static Mode readOnly() {
        return new Mode(Lock.NONE, new Access.ReadOnlyByChoice(), false, false, false);
    }

    /** Without the lock, because {@code locked} said another process holds it: the console names that process. */
    public static Mode readOnly(StoreLockedException locked) {
        return new Mode(Lock.NONE, new Access.HeldElsewhere(locked.holderPid()), false, false, false);
    }

    /** The window with the simulated demo sinks. */
    public static Mode demo() {
        return window().withDemoSinks();
    }

    public static Mode reading() {
        return new Mode(Lock.IF_FREE, new Access.ReadOnlyByChoice(), false, false, false);
    }

    public static Mode changing() {
        return new Mode(Lock.REQUIRED, new Access.ReadOnlyByChoice(), false, false, false);
    }

    public static Mode importing() {
        return new Mode(Lock.REQUIRED, new Access.ReadOnlyByChoice(), false, false, true);
    }

    /** A long-running service: as the window, without a window. */
    public static Mode service() {
        return window();
    }

    /** This mode with the simulated demo sinks instead of the configured ones. */
    public Mode withDemoSinks() {
        return new Mode(lock, readOnlyReason, true, sendsBacklog, mayCreate);
    }
}
