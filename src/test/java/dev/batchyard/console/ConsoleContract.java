package dev.batchyard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link Console} promises, written against the interface alone so that a second
 * implementation (the admin API's client) runs the same specification: extend this class and say
 * how to reach this test's store. Each test gets a fresh, empty, writable store whose enabled sinks
 * are {@code loki} and {@code archive}; they hold every batch (nothing goes out by itself) and
 * take what an operator retries. Batches are put in through {@link Console#persist}. The tests are
 * public so that a subclass in any package (of the module or not) can run them.
 */
public abstract class ConsoleContract {
    protected static final Actor ANA = new Actor("ana");
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 26, 12, 0, 0, 0, ZoneOffset.ofHours(1));

    /** A console acting as {@code actor} on this test's store. The test closes it. */
    protected abstract Console console(Actor actor);

    /** A console on this test's store that may look at it but not change it. The test closes it. */
    protected abstract Console readOnlyConsole();

    // ---- fixtures ----------------------------------------------------------------------------

    protected static BatchView persist(Console console, String id, String sink, int minutes, int retries, int entries) {
        List<LogEntry> list = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            list.add(LogEntry.builder().timestamp(T0).processedAt(T0).message("entry " + i + " of " + id)
                    .level("info").sourceType("docker").sourceId("api-1").build());
        }
        return console.persist(new NewBatch(id, list, sink, T0.plusMinutes(minutes), null, retries,
                retries > 0 ? "503 Service Unavailable" : "", Map.of("created_by", "contract")));
    }

    /** Twelve batches that differ in every sortable field, some tying on each. */
    private static void persistTwelve(Console console) {
        String[] sinks = {"loki", "archive", "kafka"};
        for (int i = 0; i < 12; i++) {
            persist(console, "b-" + (char) ('a' + (i * 5) % 12), sinks[i % 3], i / 2, i % 4, 1 + i % 5);
        }
    }

    private static List<BatchView> walk(Console console, BatchQuery query, BatchOrder order, int pageSize) {
        List<BatchView> rows = new ArrayList<>();
        PageRequest page = PageRequest.first(pageSize);
        while (true) {
            BatchPage read = console.batches(query, order, page);
            assertTrue(read.rows().size() <= pageSize, "a page holds at most the limit");
            rows.addAll(read.rows());
            if (!read.hasMore()) {
                return rows;
            }
            page = PageRequest.after(read.nextCursor(), pageSize);
        }
    }

    private static List<String> ids(List<BatchView> rows) {
        return rows.stream().map(BatchView::id).toList();
    }

    /** What each order means, written out: the field, then the id; descending is the reverse. */
    public static Comparator<BatchView> expected(BatchOrder order) {
        Function<BatchView, Comparable<?>> field = switch (order.field()) {
            case CREATED -> v -> v.createdAt().toInstant();
            case ID -> v -> "";
            case SINK -> BatchView::sink;
            case STATE -> v -> v.state().ordinal();
            case RETRIES -> BatchView::retryCount;
            case ENTRIES -> BatchView::entryCount;
            case SIZE -> BatchView::storedBytes;
            case NEXT_ATTEMPT -> BatchView::nextAttemptAt;
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<BatchView> ascending = Comparator.comparing(v -> (Comparable) field.apply(v),
                Comparator.nullsLast(Comparator.naturalOrder()));
        ascending = ascending.thenComparing(BatchView::id);
        return order.direction() == BatchOrder.Direction.ASCENDING ? ascending : ascending.reversed();
    }

    public static Stream<Arguments> everyOrder() {
        return Stream.of(BatchOrder.Field.values()).flatMap(f -> Stream.of(BatchOrder.Direction.values())
                .map(d -> Arguments.of(new BatchOrder(f, d))));
    }

    // ---- info, find, batch -------------------------------------------------------------------

    @Test
    public void infoSaysTheStoreIsWritableAndNamesItsEnabledSinks() {
        try (Console inTest = console(ANA)) {
            StoreInfo info = inTest.info();

            assertEquals(new Access.Writable(), info.access());
            assertEquals(List.of("loki", "archive"), info.configuredSinks());
            assertFalse(info.location().isBlank());
        }
    }

    @Test
    public void aPersistedBatchIsFoundWithItsMetadataAndReadWithItsEntries() {
        try (Console inTest = console(ANA)) {
            BatchView persisted = persist(inTest, "b-1", "loki", 0, 2, 3);

            BatchView found = inTest.find("b-1").orElseThrow();
            Batch batch = inTest.batch("b-1").orElseThrow();

            assertEquals(persisted, found);
            assertEquals(BatchState.RETRY_WAIT, found.state());
            assertEquals(T0.toInstant(), found.createdAt().toInstant());
            assertEquals(3, batch.entries().size());
            assertEquals("entry 2 of b-1", batch.entries().get(2).message());
            assertTrue(inTest.find("b-2").isEmpty());
            assertTrue(inTest.batch("b-2").isEmpty());
        }
    }

    @Test
    public void findingManyIdsAnswersThoseStoredInTheOrderAsked() {
        try (Console inTest = console(ANA)) {
            persist(inTest, "b-1", "loki", 0, 0, 1);
            persist(inTest, "b-2", "loki", 1, 0, 1);

            assertEquals(List.of("b-2", "b-1"), ids(inTest.find(List.of("b-2", "gone", "b-1"))));
        }
    }

    // ---- paging ------------------------------------------------------------------------------

    @Test
    public void theFirstPageHoldsTheOldestBatchesAndTheTotal() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);

            BatchPage page = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.first(5));

            assertEquals(5, page.rows().size());
            assertEquals(12, page.total());
            assertTrue(page.hasMore());
            assertEquals(List.of("b-a", "b-f", "b-d", "b-k", "b-b"), ids(page.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("everyOrder")
    public void pagesFollowedToTheEndHoldEveryBatchOnceInTheOrderAsked(BatchOrder order) {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            List<BatchView> all = walk(inTest, BatchQuery.all(), order, 100);

            List<BatchView> paged = walk(inTest, BatchQuery.all(), order, 5);

            assertEquals(12, all.size());
            assertEquals(ids(all.stream().sorted(expected(order)).toList()), ids(all), "sorted as " + order);
            assertEquals(ids(all), ids(paged), "pages of 5 give what one page gives");
        }
    }

    @Test
    public void aDescendingOrderIsTheAscendingOneReversed() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            for (BatchOrder.Field field : BatchOrder.Field.values()) {
                List<String> up = ids(walk(inTest, BatchQuery.all(), new BatchOrder(field, BatchOrder.Direction.ASCENDING), 4));
                List<String> down = new ArrayList<>(ids(walk(inTest, BatchQuery.all(),
                        new BatchOrder(field, BatchOrder.Direction.DESCENDING), 4)));
                java.util.Collections.reverse(down);
                assertEquals(up, down, field.toString());
            }
        }
    }

    @Test
    public void aPageStaysPutWhileBatchesAreAddedAndRemoved() {
        try (Console inTest = console(ANA)) {
            for (int i = 0; i < 10; i++) {
                persist(inTest, "b-" + i, "loki", i, 0, 1);
            }
            BatchPage first = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.first(4));
            assertEquals(List.of("b-0", "b-1", "b-2", "b-3"), ids(first.rows()));

            inTest.discard(List.of("b-4", "b-1"), "gone while paging");
            persist(inTest, "early", "loki", -1, 0, 1);
            persist(inTest, "late", "loki", 10, 0, 1);
            BatchPage second = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST,
                    PageRequest.after(first.nextCursor(), 4));
            BatchPage third = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST,
                    PageRequest.after(second.nextCursor(), 4));

            assertEquals(List.of("b-5", "b-6", "b-7", "b-8"), ids(second.rows()), "no row skipped or repeated");
            assertEquals(List.of("b-9", "late"), ids(third.rows()));
            assertFalse(third.hasMore());
            assertEquals(10, second.total(), "ten batches, two gone and two added");
        }
    }

    @Test
    public void aCursorStillLeadsOnWhenTheBatchItEndedOnIsGone() {
        try (Console inTest = console(ANA)) {
            for (int i = 0; i < 6; i++) {
                persist(inTest, "b-" + i, "loki", i, 0, 1);
            }
            BatchPage first = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.first(3));

            inTest.discard(List.of("b-2"), "the page's last row, gone while paging");
            BatchPage second = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST,
                    PageRequest.after(first.nextCursor(), 3));

            assertEquals(List.of("b-3", "b-4", "b-5"), ids(second.rows()));
            assertFalse(second.hasMore());
        }
    }

    @Test
    public void theQueryFiltersThePagesAndTheTotal() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);

            List<BatchView> loki = walk(inTest, BatchQuery.all().withSinks("loki"), BatchOrder.OLDEST_FIRST, 2);
            BatchPage waiting = inTest.batches(BatchQuery.all().withStates(BatchState.RETRY_WAIT),
                    BatchOrder.OLDEST_FIRST, PageRequest.first(1));

            assertEquals(4, loki.size());
            assertTrue(loki.stream().allMatch(v -> v.sink().equals("loki")));
            assertEquals(9, waiting.total());
            assertEquals(1, waiting.rows().size());
        }
    }

    @Test
    public void everyBatchIsReadPageByPageAsTheStreamGoes() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);

            assertEquals(ids(walk(inTest, BatchQuery.all(), BatchOrder.OLDEST_FIRST, 100)),
                    inTest.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 5).map(BatchView::id).toList());
            assertEquals(List.of(), inTest.each(BatchQuery.all().withSinks("none"), BatchOrder.OLDEST_FIRST, 5).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("everyOrder")
    public void aPageAtAnOffsetHoldsThoseRowsOfTheOrderAndTheTotal(BatchOrder order) {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            List<String> all = ids(walk(inTest, BatchQuery.all(), order, 100));

            for (int offset = 0; offset <= 13; offset++) {
                BatchPage page = inTest.batches(BatchQuery.all(), order, PageRequest.at(offset, 4));

                assertEquals(all.subList(Math.min(offset, 12), Math.min(offset + 4, 12)), ids(page.rows()),
                        "rows " + offset + " to " + (offset + 3) + " of " + order);
                assertEquals(12, page.total());
                assertEquals(offset + 4 < 12, page.hasMore(), "more after " + offset);
            }
        }
    }

    @Test
    public void aPageAtAnOffsetIsFilteredAndItsCursorLeadsOn() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            BatchQuery waiting = BatchQuery.all().withStates(BatchState.RETRY_WAIT);
            List<String> all = ids(walk(inTest, waiting, BatchOrder.OLDEST_FIRST, 100));

            BatchPage page = inTest.batches(waiting, BatchOrder.OLDEST_FIRST, PageRequest.at(3, 2));
            BatchPage next = inTest.batches(waiting, BatchOrder.OLDEST_FIRST, PageRequest.after(page.nextCursor(), 100));
            BatchPage skipped = inTest.batches(waiting, BatchOrder.OLDEST_FIRST,
                    new PageRequest(page.nextCursor(), 2, 1));

            assertEquals(9, page.total());
            assertEquals(all.subList(3, 5), ids(page.rows()));
            assertEquals(all.subList(5, 9), ids(next.rows()), "the cursor of a page at an offset leads on from it");
            assertEquals(all.subList(6, 8), ids(skipped.rows()), "an offset after a cursor counts from the cursor");
            assertThrows(IllegalArgumentException.class, () -> PageRequest.at(-1, 2));
        }
    }

    @Test
    public void aCursorMadeForAnotherOrderIsRefused() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            String cursor = inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.first(2)).nextCursor();

            BatchOrder bySink = new BatchOrder(BatchOrder.Field.SINK, BatchOrder.Direction.ASCENDING);
            assertThrows(IllegalArgumentException.class,
                    () -> inTest.batches(BatchQuery.all(), bySink, PageRequest.after(cursor, 2)));
        }
    }

    @Test
    public void aCursorNoConsoleMadeIsRefused() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            String json = Base64.getUrlEncoder().encodeToString("[\"x\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            for (String cursor : List.of("garbage", "%%%", json, "a1.12", "\u0000\n\u001b[2J")) {
                assertThrows(IllegalArgumentException.class,
                        () -> inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.after(cursor, 2)),
                        cursor);
            }
            assertThrows(IllegalArgumentException.class, () -> PageRequest.after("x".repeat(100_000), 2));
            assertThrows(IllegalArgumentException.class, () -> PageRequest.first(0));
        }
    }

    // ---- search --------------------------------------------------------------------------------

    @Test
    public void aSearchStreamsTheMatchingEntriesOfEveryBatchInScopeWithTheirIndex() {
        try (Console inTest = console(ANA)) {
            persist(inTest, "b-1", "loki", 0, 0, 12);
            persist(inTest, "b-2", "archive", 1, 0, 3);
            persist(inTest, "b-3", "loki", 2, 0, 12);
            List<String> hits = new ArrayList<>();

            dev.batchyard.search.SearchSummary summary = inTest.search(
                    new dev.batchyard.search.SearchRequest("\"entry 1\" source=api-1", false,
                            BatchQuery.all().withSinks("loki"), 100),
                    hit -> hits.add(hit.batch().id() + "#" + hit.entryIndex() + " " + hit.entry().message()));

            assertEquals(List.of("b-1#1 entry 1 of b-1", "b-1#10 entry 10 of b-1", "b-1#11 entry 11 of b-1",
                    "b-3#1 entry 1 of b-3", "b-3#10 entry 10 of b-3", "b-3#11 entry 11 of b-3"), hits,
                    "grouped by batch, in the order the store holds them, entries in order");
            assertEquals(dev.batchyard.search.SearchSummary.Ending.COMPLETE, summary.ending());
            assertEquals(2, summary.progress().batchesTotal(), "archive's batch is out of scope");
            assertEquals(24, summary.progress().entriesScanned());
        }
    }

    @Test
    public void aSearchWhoseQueryCannotBeReadIsRefusedNamingTheColumn() {
        try (Console inTest = console(ANA)) {
            dev.batchyard.search.EntryQueryException e = assertThrows(dev.batchyard.search.EntryQueryException.class,
                    () -> inTest.search(new dev.batchyard.search.SearchRequest("level:\"error", false, BatchQuery.all(),
                            10), hit -> true));
            assertEquals(7, e.column());
        }
    }

    // ---- actions, audit ----------------------------------------------------------------------

    @Test
    public void actionsAnswerPerIdAndAreAuditedAsTheConsolesActor() {
        try (Console inTest = console(ANA)) {
            persist(inTest, "b-1", "loki", 0, 0, 1);
            persist(inTest, "b-2", "loki", 1, 0, 1);

            List<ActionResult> discarded = inTest.discard(List.of("b-1", "gone"), "duplicates");
            List<ActionResult> rerouted = inTest.reroute(List.of("b-2"), "nowhere");

            assertEquals(List.of(ActionResult.Reason.DISCARDED, ActionResult.Reason.NO_SUCH_BATCH),
                    discarded.stream().map(ActionResult::reason).toList());
            assertEquals(ActionResult.Reason.SINK_NOT_CONFIGURED, rerouted.get(0).reason());
            AuditPage audit = inTest.audit(AuditQuery.all(), PageRequest.first(10));
            AuditRecord discard = audit.records().get(0);
            assertEquals("ana", discard.actor());
            assertEquals("discard", discard.action());
            assertEquals("duplicates", discard.detail());
            assertEquals(List.of("b-1", "gone"), discard.ids());
            assertEquals(List.of(true, false), discard.results().stream().map(AuditRecord.Result::ok).toList());
            assertEquals("reroute", audit.records().get(1).action());
            assertTrue(audit.atEnd());
        }
    }

    @Test
    public void aPreviewCountsWhatAnActionWouldTouchAndChangesNothing() {
        try (Console inTest = console(ANA)) {
            BatchView one = persist(inTest, "b-1", "loki", 0, 0, 3);
            BatchView two = persist(inTest, "b-2", "archive", 1, 0, 2);
            BatchView three = persist(inTest, "b-3", "loki", 2, 1, 1);

            ActionPreview preview = inTest.preview(List.of("b-1", "b-3", "gone", "b-2", "b-1"));

            assertEquals(3, preview.batches());
            assertEquals(6, preview.entries());
            assertEquals(one.storedBytes() + two.storedBytes() + three.storedBytes(), preview.bytes());
            assertEquals(Map.of("loki", new ActionPreview.Share(2, 4, one.storedBytes() + three.storedBytes()),
                    "archive", new ActionPreview.Share(1, 2, two.storedBytes())), preview.perSink());
            assertEquals(List.of("gone"), preview.notStored());
            assertEquals(List.of("b-1", "b-2", "b-3"), ids(inTest.find(List.of("b-1", "b-2", "b-3"))));
            assertTrue(inTest.audit(AuditQuery.all(), PageRequest.first(10)).records().isEmpty(),
                    "a preview is not an action: nothing is audited");
        }
    }

    @Test
    public void aPreviewByQueryCountsEveryMatchingBatch() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);
            List<BatchView> loki = walk(inTest, BatchQuery.all().withSinks("loki"), BatchOrder.OLDEST_FIRST, 5);

            ActionPreview preview = inTest.preview(BatchQuery.all().withSinks("loki"));

            assertEquals(loki.size(), preview.batches());
            assertEquals(loki.stream().mapToLong(BatchView::entryCount).sum(), preview.entries());
            assertEquals(Set.of("loki"), preview.perSink().keySet());
            assertEquals(List.of(), preview.notStored());
        }
    }

    @Test
    public void theAuditTrailIsPagedOldestFirstAndItsLastCursorFindsWhatIsWrittenLater() {
        try (Console inTest = console(ANA)) {
            inTest.setRecoveryPaused(true);
            inTest.setRecoveryPaused(false);
            inTest.discard(List.of("x"), "none");

            AuditPage first = inTest.audit(AuditQuery.all(), PageRequest.first(2));
            AuditPage rest = inTest.audit(AuditQuery.all(), PageRequest.after(first.nextCursor(), 2));
            AuditPage none = inTest.audit(AuditQuery.all(), PageRequest.after(rest.nextCursor(), 2));
            inTest.discard(List.of("y"), "later");
            AuditPage later = inTest.audit(AuditQuery.all(), PageRequest.after(rest.nextCursor(), 2));

            assertEquals(List.of("pause-recovery", "resume-recovery"),
                    first.records().stream().map(AuditRecord::action).toList());
            assertEquals(List.of("discard"), rest.records().stream().map(AuditRecord::action).toList());
            assertTrue(rest.atEnd());
            assertEquals(List.of(), none.records());
            assertEquals(rest.nextCursor(), none.nextCursor(), "nothing read, nothing moved");
            assertEquals(List.of(List.of("y")), later.records().stream().map(AuditRecord::ids).toList());
        }
    }

    @Test
    public void theAuditQueryFiltersByTimeActionActorAndBatch() {
        try (Console ana = console(ANA); Console ben = console(new Actor("ben"))) {
            persist(ana, "b-1", "loki", 0, 0, 1);
            persist(ana, "b-2", "loki", 0, 0, 1);
            ana.reroute(List.of("b-1"), "archive");
            ben.discard(List.of("b-2"), "not needed");
            ben.setRecoveryPaused(true);
            Instant after = ana.audit(AuditQuery.all(), PageRequest.first(10)).records().get(1).at();

            assertEquals(List.of("ben"), actors(ana, AuditQuery.all().withAction("discard")));
            assertEquals(List.of("discard", "pause-recovery"), ana.audit(AuditQuery.all().withActor("ben"),
                    PageRequest.first(10)).records().stream().map(AuditRecord::action).toList());
            assertEquals(List.of("ana"), actors(ana, AuditQuery.all().withBatchId("b-1")));
            assertEquals(List.of("ben", "ben"), actors(ana, AuditQuery.all().withSince(after)));
            assertEquals(List.of(), actors(ana, AuditQuery.all().withActor("nobody")));
        }
    }

    private static List<String> actors(Console console, AuditQuery query) {
        return console.audit(query, PageRequest.first(10)).records().stream().map(AuditRecord::actor).toList();
    }

    @Test
    public void anAuditCursorNoConsoleMadeIsRefused() {
        try (Console inTest = console(ANA)) {
            inTest.discard(List.of("x"), "none");

            for (String cursor : List.of("garbage", "a1.-5", "a1.999999", "a1.1")) {
                assertThrows(IllegalArgumentException.class,
                        () -> inTest.audit(AuditQuery.all(), PageRequest.after(cursor, 2)), cursor);
            }
        }
    }

    @Test
    public void pausingRecoveryIsReadBackInTheStats() {
        try (Console inTest = console(ANA)) {
            inTest.setRecoveryPaused(true);
            assertTrue(inTest.stats().recoveryPaused());

            inTest.setRecoveryPaused(false);
            assertFalse(inTest.stats().recoveryPaused());
        }
    }

    @Test
    public void theStatsCountTheStoreAndSayWhenTheNextCleanupRuns() {
        try (Console inTest = console(ANA)) {
            persistTwelve(inTest);

            assertEquals(12, inTest.stats().total());
            assertEquals(3, inTest.stats().count(BatchState.PENDING));
            assertTrue(inTest.stats().nextCleanupAt() != null);
        }
    }

    @Test
    public void aCleanupPassNowRemovesWhatIsOlderThanTheTtlAndNothingElse() {
        try (Console inTest = console(ANA)) {
            OffsetDateTime expired = OffsetDateTime.now().minus(inTest.info().settings().batchTtl()).minusHours(1);
            inTest.persist(NewBatch.of("young", List.of(), "loki"));
            inTest.persist(new NewBatch("old", List.of(), "loki", expired, null, 0, "", Map.of()));

            assertEquals(List.of("old"), inTest.runCleanupNow().expiredIds());
            assertEquals(List.of("young"), ids(inTest.find(List.of("young", "old"))));
        }
    }

    @Test
    public void theSinksAreTheEnabledOnesWithTheirHealth() {
        try (Console inTest = console(ANA)) {
            List<SinkView> sinks = inTest.sinks();

            assertTrue(sinks.stream().map(SinkView::name).toList().containsAll(List.of("loki", "archive")));
            assertTrue(sinks.stream().filter(s -> s.name().equals("loki")).allMatch(SinkView::enabled));
        }
    }

    @Test
    public void aSoundStoreHasNoDamage() {
        try (Console inTest = console(ANA)) {
            assertEquals(List.of(), inTest.damage());
        }
    }

    // ---- events ------------------------------------------------------------------------------

    @Test
    public void aRetriedBatchIsSentAndItsAnswerComesAsAnEvent() throws InterruptedException {
        try (Console inTest = console(ANA); EventSubscription events = inTest.subscribe(1000)) {
            persist(inTest, "b-1", "loki", 0, 0, 1);

            List<ActionResult> started = inTest.retryNow(List.of("b-1", "gone"));

            assertEquals(List.of(ActionResult.Reason.SENT, ActionResult.Reason.NO_SUCH_BATCH),
                    started.stream().map(ActionResult::reason).toList());
            Set<Class<?>> seen = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!seen.contains(BatchEvent.Delivered.class) && System.nanoTime() < deadline) {
                events.await(100, TimeUnit.MILLISECONDS).forEach(e -> seen.add(e.getClass()));
            }
            assertTrue(seen.containsAll(Set.of(BatchEvent.Persisted.class, BatchEvent.RetryRequested.class,
                    BatchEvent.Delivered.class)), seen::toString);
            assertTrue(inTest.find("b-1").isEmpty());
        }
    }

    @Test
    public void aClosedConsoleRefusesEveryCallAndClosesItsSubscriptions() {
        Console inTest = console(ANA);
        EventSubscription events = inTest.subscribe(10);

        inTest.close();

        assertTrue(events.isClosed());
        assertThrows(IllegalStateException.class, inTest::stats);
        assertThrows(IllegalStateException.class, () -> inTest.find("b-1"));
        assertThrows(IllegalStateException.class, () -> inTest.subscribe(10));
        assertThrows(IllegalStateException.class, () -> inTest.discard(List.of("b-1"), "late"));
    }

    // ---- read-only ---------------------------------------------------------------------------

    @Test
    public void aReadOnlyConsoleShowsTheStoreAndRefusesEveryChange() {
        try (Console writer = console(ANA)) {
            persist(writer, "b-1", "loki", 0, 0, 1);
        }
        try (Console inTest = readOnlyConsole()) {
            assertFalse(inTest.info().writable());
            assertEquals(List.of("b-1"), ids(inTest.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST,
                    PageRequest.first(10)).rows()));
            assertThrows(StoreReadOnlyException.class, () -> persist(inTest, "b-2", "loki", 0, 0, 1));
            assertThrows(StoreReadOnlyException.class, () -> inTest.retryNow(List.of("b-1")));
            assertThrows(StoreReadOnlyException.class, () -> inTest.discard(List.of("b-1"), "no"));
            assertThrows(StoreReadOnlyException.class, () -> inTest.reroute(List.of("b-1"), "archive"));
            assertThrows(StoreReadOnlyException.class, () -> inTest.setRecoveryPaused(true));
            assertThrows(StoreReadOnlyException.class, inTest::runCleanupNow);
            assertNull(inTest.stats().nextCleanupAt());
            assertTrue(inTest.find("b-1").isPresent());
        }
    }

    // ---- repair: split and merge -------------------------------------------------------------

    @Test
    public void aSplitIntoChunksAndAMergeBackKeepEveryEntryInOrder() {
        try (Console inTest = console(ANA)) {
            persist(inTest, "s-1", "loki", 5, 0, 5);
            List<LogEntry> original = inTest.batch("s-1").orElseThrow().entries();

            RepairResult dry = inTest.split(SplitRequest.chunks("s-1", 2).asDryRun());
            assertFalse(dry.applied());
            assertEquals(List.of(2, 2, 1), dry.made().stream().map(RepairResult.Part::entryCount).toList());
            assertTrue(inTest.batch("s-1").isPresent(), "a dry run changes nothing");

            RepairResult split = inTest.split(SplitRequest.chunks("s-1", 2));
            assertTrue(split.applied());
            assertEquals(List.of("s-1"), split.removed());
            List<String> parts = split.made().stream().map(RepairResult.Part::id).toList();
            assertTrue(inTest.batch("s-1").isEmpty());
            assertEquals(3, inTest.find(parts).size());
            assertTrue(split.made().stream().allMatch(p -> p.sink().equals("loki")), "the parts keep their sink");

            RepairResult merged = inTest.merge(MergeRequest.of(parts));
            assertTrue(merged.applied());
            assertEquals(parts, merged.removed());
            String id = merged.made().get(0).id();
            assertEquals(original.stream().map(LogEntry::message).toList(),
                    inTest.batch(id).orElseThrow().entries().stream().map(LogEntry::message).toList());
        }
    }

    @Test
    public void aSplitThatCannotBeDoneIsRefusedAndChangesNothing() {
        try (Console inTest = console(ANA)) {
            persist(inTest, "one", "loki", 5, 0, 1);
            persist(inTest, "other", "archive", 5, 0, 1);

            assertThrows(IllegalArgumentException.class, () -> inTest.split(SplitRequest.chunks("one", 1)));
            assertThrows(IllegalArgumentException.class, () -> inTest.merge(MergeRequest.of(List.of("one", "other"))),
                    "batches of different sinks");
            assertEquals(2, inTest.find(List.of("one", "other")).size());
        }
        try (Console readOnly = readOnlyConsole()) {
            assertThrows(StoreReadOnlyException.class, () -> readOnly.split(SplitRequest.chunks("one", 1)));
        }
    }

    // ---- edits -------------------------------------------------------------------------------

    @Test
    public void anEditChangesTheBatchInPlaceAndARestoreOfTheKeptVersionTakesItBack() {
        GoJson json = new GoJson();
        try (Console inTest = console(ANA)) {
            persist(inTest, "e-1", "loki", 5, 0, 4);
            LogEntry before = inTest.batch("e-1").orElseThrow().entries().get(2);
            String edited = json.toJson(before.toBuilder().message("fixed").labels(Map.of("env", "prod")).build(), false);

            EditResult result = inTest.edit(new EditRequest.ReplaceEntry("e-1", 2, edited, json.toJson(before, false)));
            EditResult.Edited e = result.batches().get(0);
            assertEquals("e-1", e.id());
            assertEquals("e-1.before-edit", e.previousVersion());
            assertEquals(List.of(4, 4), List.of(e.entriesBefore(), e.entriesAfter()));
            assertTrue(e.changes().get(0).startsWith("entry 2 message: "), e.changes().toString());
            assertEquals("fixed", inTest.batch("e-1").orElseThrow().entries().get(2).message());
            Attempt note = inTest.find("e-1").orElseThrow().attempts().get(inTest.find("e-1").orElseThrow().attempts().size() - 1);
            assertEquals(Attempt.Outcome.EDITED, note.outcome());

            inTest.edit(new EditRequest.RemoveEntries("e-1", List.of(0)));
            inTest.edit(new EditRequest.SetLabel(List.of("e-1"), "tenant", "acme"));
            assertEquals(3, inTest.batch("e-1").orElseThrow().entries().size());
            assertTrue(inTest.batch("e-1").orElseThrow().entries().stream().allMatch(x -> "acme".equals(x.labels().get("tenant"))));

            DiscardedBatch kept = inTest.recentlyDiscarded().stream()
                    .filter(d -> d.batch().id().equals("e-1.before-edit-3")).findFirst().orElseThrow();
            assertEquals("e-1", kept.versionOf());
            List<ActionResult> undo = inTest.restore(List.of("e-1.before-edit-3"));
            assertEquals(ActionResult.Reason.VERSION_RESTORED, undo.get(0).reason(), undo.toString());
            assertTrue(inTest.batch("e-1").orElseThrow().entries().stream().noneMatch(x -> x.labels() != null
                    && x.labels().containsKey("tenant")), "the label edit is taken back");
        }
    }

    @Test
    public void anEditThatCannotBeDoneIsRefusedAndChangesNothing() {
        try (Console inTest = console(ANA)) {
            persist(inTest, "f-1", "loki", 5, 0, 2);
            assertThrows(IllegalArgumentException.class, () -> inTest.edit(new EditRequest.SetLabel(List.of("f-1"), "", "v")));
            assertThrows(IllegalArgumentException.class,
                    () -> inTest.edit(new EditRequest.ReplaceEntry("f-1", 0, "{\"message\": ")));
            assertThrows(IllegalArgumentException.class, () -> inTest.edit(new EditRequest.RemoveEntries("f-1", List.of(0, 1))));
            assertThrows(UnknownBatchException.class, () -> inTest.edit(new EditRequest.RemoveEntries("none", List.of(0))));
            assertEquals(2, inTest.batch("f-1").orElseThrow().entries().size());
        }
        try (Console readOnly = readOnlyConsole()) {
            assertThrows(StoreReadOnlyException.class, () -> readOnly.edit(new EditRequest.RemoveEntries("f-1", List.of(0))));
        }
    }
}
