package dev.batchyard.app.events;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.events.BatchEvent.DeadLettered;
import dev.batchyard.engine.events.BatchEvent.SinkHealthChanged;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides when the operator gets a pop-up about batches going dead or sink breakers opening.
 * A storm of events must not become a storm of pop-ups: events are counted as they come, and each
 * kind of notice is shown at most once per {@code quietPeriod}, covering everything counted since
 * the last one ("12 batches went dead on loki, splunk").
 *
 * <p>Not thread-safe: used on the FX thread only. Time comes from the injected clock.
 */
public final class AlertCoalescer {
    private final Messages messages;
    private final Clock clock;
    private final Duration quietPeriod;

    private int deadCount;
    private final Set<String> deadSinks = new TreeSet<>();
    private final Set<String> openedSinks = new TreeSet<>();
    private Instant lastDeadNotice = Instant.MIN;
    private Instant lastBreakerNotice = Instant.MIN;

    public AlertCoalescer(Messages messages, Clock clock, Duration quietPeriod) {
        this.messages = messages;
        this.clock = clock;
        this.quietPeriod = quietPeriod;
    }

    /** Counts the events that deserve a notice; shows nothing yet. */
    public void record(List<BatchEvent> events) {
        for (BatchEvent event : events) {
            if (event instanceof DeadLettered dead) {
                deadCount++;
                deadSinks.add(dead.sink());
            } else if (event instanceof SinkHealthChanged health && health.health() == SinkHealth.OPEN) {
                openedSinks.add(health.sink());
            }
        }
    }

    /** The notices whose quiet period is over and which have something to say; resets their counts. */
    public List<Notice> due() {
        Instant now = clock.instant();
        List<Notice> notices = new ArrayList<>(2);
        if (deadCount > 0 && !now.isBefore(lastDeadNotice.plus(quietPeriod))) {
            notices.add(new Notice(Severity.DANGER, messages.text("notice.dead.title"),
                    messages.format("notice.dead.text", deadCount, String.join(", ", deadSinks))));
            deadCount = 0;
            deadSinks.clear();
            lastDeadNotice = now;
        }
        if (!openedSinks.isEmpty() && !now.isBefore(lastBreakerNotice.plus(quietPeriod))) {
            notices.add(new Notice(Severity.DANGER, messages.text("notice.breaker.title"),
                    messages.format("notice.breaker.text", openedSinks.size(), String.join(", ", openedSinks))));
            openedSinks.clear();
            lastBreakerNotice = now;
        }
        return notices;
    }
}
