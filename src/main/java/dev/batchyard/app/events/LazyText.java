package dev.batchyard.app.events;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A text put together the first time it is asked for, then kept. Safe to share between threads:
 * a race can at worst build the same immutable string twice.
 */
final class LazyText implements Supplier<String> {
    private final Supplier<String> make;
    private volatile String text;

    LazyText(Supplier<String> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    @Override
    public String get() {
        String t = text;
        if (t == null) {
            t = Objects.requireNonNull(make.get(), "text");
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return get();
    }
}
