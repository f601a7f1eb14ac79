package dev.batchyard.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoreHealthViewModelTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private final List<CorruptionFound> kept = new ArrayList<>();
    private final StoreHealthViewModel inTest = new StoreHealthViewModel(() -> List.copyOf(kept),
            new CurrentThreadTaskExecutor(), ENGLISH);

    @Test
    void aStoreWithoutDamageShowsNoBannerAndAnEmptyList() {
        inTest.load();

        assertFalse(inTest.bannerShownProperty().get());
        assertEquals(List.of(), inTest.reports());
        assertEquals("Store health", inTest.tabTitleProperty().get());
    }

    @Test
    void damageFoundAtOpenRaisesTheBannerWithHowManyOfWhatKind() {
        kept.addAll(List.of(Damage.tornTail(0), Damage.setAside(1, "b-1"), Damage.setAside(2, "b-2")));

        inTest.load();

        assertTrue(inTest.bannerShownProperty().get());
        assertEquals("The store found damage: 3 reports (2 batches set aside, a torn write cut off).",
                inTest.bannerTextProperty().get());
        assertEquals("Store health (3)", inTest.tabTitleProperty().get());
        assertEquals(kept, inTest.reports());
        assertFalse(inTest.lostProperty().get());
    }

    @Test
    void aLostBatchMakesTheBannerTheGravestKind() {
        inTest.onEvents(List.of(Damage.lost(0, "b-9")));

        assertTrue(inTest.lostProperty().get());
        assertEquals("The store found damage: 1 report (a batch lost).", inTest.bannerTextProperty().get());
    }

    @Test
    void aDismissedBannerStaysDownUntilMoreDamageIsFound() {
        inTest.onEvents(List.of(Damage.tornTail(0)));
        inTest.dismissBanner();
        assertFalse(inTest.bannerShownProperty().get());

        inTest.onEvents(List.of(new BatchEvent.Missed(Damage.T0, 0)));   // nothing new: re-read, same list
        assertFalse(inTest.bannerShownProperty().get());

        inTest.onEvents(List.of(Damage.setAside(5, "b-1")));
        assertTrue(inTest.bannerShownProperty().get());
    }

    @Test
    void aReportBothKeptByTheStoreAndPublishedIsListedOnce() {
        CorruptionFound both = Damage.setAside(1, "b-1");
        kept.add(both);
        inTest.onEvents(List.of(both));     // published after the window subscribed, before its first read

        inTest.load();

        assertEquals(List.of(both), inTest.reports());
        assertEquals("Store health (1)", inTest.tabTitleProperty().get());
    }

    @Test
    void eventsThatAreNotDamageChangeNothing() {
        inTest.onEvents(List.of(new BatchEvent.CleanupPass(Damage.T0, 0, java.time.Duration.ZERO)));

        assertEquals(List.of(), inTest.reports());
        assertFalse(inTest.bannerShownProperty().get());
    }

    @Test
    void eventsTheWindowMissedAreReadBackFromTheStore() {
        CorruptionFound missed = Damage.setAside(3, "b-3");
        kept.add(missed);

        inTest.onEvents(List.of(new BatchEvent.Missed(Damage.T0, 12)));

        assertEquals(List.of(missed), inTest.reports());
        assertTrue(inTest.bannerShownProperty().get());
    }

    @Test
    void theStoresListIsReadOffTheUiThread() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        AtomicInteger reads = new AtomicInteger();
        StoreHealthViewModel model = new StoreHealthViewModel(() -> {
            reads.incrementAndGet();
            return List.of(Damage.tornTail(0));
        }, executor, ENGLISH);

        model.load();
        assertEquals(0, reads.get());
        executor.runAll();

        assertEquals(1, reads.get());
        assertEquals(1, model.reports().size());
    }

    @Test
    void aListThatCannotBeReadIsSaidAndTheReportsShownStay() {
        StoreHealthViewModel model = new StoreHealthViewModel(() -> {
            throw new StoreException("cannot read the damage reports of /s");
        }, new CurrentThreadTaskExecutor(), ENGLISH);
        model.onEvents(List.of(Damage.tornTail(0)));

        model.load();

        assertEquals("The store's damage reports could not be read: The store reported a problem. "
                + "cannot read the damage reports of /s", model.loadFailureProperty().get());
        assertEquals(1, model.reports().size());
    }

    @Test
    void pastTheListedLimitTheBannerSaysThereIsMoreAndComesBackForEachNewReport() {
        List<BatchEvent> flood = IntStream.range(0, StoreHealthViewModel.LISTED + 1)
                .<BatchEvent>mapToObj(i -> Damage.setAside(i, "b-" + i)).toList();

        inTest.onEvents(flood);

        assertEquals(StoreHealthViewModel.LISTED, inTest.reports().size());
        assertEquals("Store health (10,000+)", inTest.tabTitleProperty().get());
        assertTrue(inTest.bannerTextProperty().get().endsWith(
                "More was found than this window lists (it keeps the first 10,000)."), inTest.bannerTextProperty().get());
        inTest.dismissBanner();
        inTest.onEvents(List.of(Damage.lost(99_999, "z")));
        assertTrue(inTest.bannerShownProperty().get());
        assertEquals(StoreHealthViewModel.LISTED, inTest.reports().size());
    }

    @Test
    void theBannerSpeaksPortuguese() {
        StoreHealthViewModel model = new StoreHealthViewModel(List::of, new CurrentThreadTaskExecutor(),
                new Messages(Locale.forLanguageTag("pt-BR")));

        model.onEvents(List.of(Damage.tornTail(0), Damage.lost(1, "b-1"), Damage.lost(2, "b-2")));

        assertEquals("O armazenamento encontrou danos: 3 relatos (2 lotes perdidos, uma escrita incompleta cortada).",
                model.bannerTextProperty().get());
        assertEquals("Saúde do armazenamento (3)", model.tabTitleProperty().get());
    }
}
