package dev.batchyard.console;

import dev.batchyard.engine.PersistenceConfig;
import java.util.List;
import java.util.Objects;

/**
 * What a console's store is, fixed while it is open.
 *
 * @param location        where it is, as an operator would name it: the store directory's absolute
 *                        path in-process, the admin API's URL across a network
 * @param access          whether this console may change the store, and if not, why
 * @param settings        its {@code persistence} settings ({@code batch_ttl}, the caps, the retry
 *                        budget), as the process holding it uses them; {@code directory} is that
 *                        process's path
 * @param configuredSinks the enabled sinks in config order: what a reroute may target
 */
public record StoreInfo(String location, Access access, PersistenceConfig settings, List<String> configuredSinks) {
    public StoreInfo {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(settings, "settings");
        configuredSinks = List.copyOf(configuredSinks);
    }

    /** Whether this console may change the store. */
    public boolean writable() {
        return access.writable();
    }
}
