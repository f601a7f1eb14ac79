package dev.batchyard.app.fleet;

import dev.batchyard.console.SinkView;
import dev.batchyard.engine.StoreStats;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What one probe of a connection found: its counts and sinks, why it could not be read, or that it is not open here. */
public sealed interface ProbeOutcome {

    /** The store answered. */
    record Read(StoreStats stats, List<SinkView> sinks) implements ProbeOutcome {
        public Read {
            Objects.requireNonNull(stats, "stats");
            sinks = List.copyOf(sinks);
        }
    }

    /** The store could not be reached or read; {@code cause} says why (worded by the view model). */
    record Unreachable(Throwable cause) implements ProbeOutcome {
        public Unreachable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** The probe did not answer within {@code limit}; it was cancelled. */
    record TimedOut(Duration limit) implements ProbeOutcome {
    }

    /** A local store no window of this process has open: it is not opened (nor locked) to be polled. */
    record NotOpen() implements ProbeOutcome {
    }
}
