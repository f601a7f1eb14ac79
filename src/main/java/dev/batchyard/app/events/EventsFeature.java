package dev.batchyard.app.events;

import dev.batchyard.app.common.Formats;
import java.time.Clock;
import java.time.Duration;

/** The live events panel and its view model, fed the engine's events by the window's bridge. */
public record EventsFeature(LiveEventsView view, LiveEventsViewModel model) {
    private static final int EVENT_ROWS = 5_000;
    private static final Duration NOTICE_QUIET = Duration.ofSeconds(10);

    public static EventsFeature build(Formats formats, Clock clock) {
        LiveEventsViewModel model = new LiveEventsViewModel(new EventDescriber(formats),
                new AlertCoalescer(formats.messages(), clock, NOTICE_QUIET), EVENT_ROWS);
        return new EventsFeature(new LiveEventsView(model), model);
    }
}
