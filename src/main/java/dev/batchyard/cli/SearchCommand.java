package dev.batchyard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import dev.batchyard.search.EntryQueryException;
import dev.batchyard.search.SearchHit;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code search QUERY [--regex] [--state S] [--sink S] [--limit N] [--json]}: the entries of every
 * stored batch that match, printed as they are found, grouped by batch; a summary on stderr.
 * {@code --json} prints one JSON object per hit per line (the entry in the Go agent's JSON), for
 * tools. Exit code 0 when something matched, 1 when nothing did (as grep), 2 for a query that
 * cannot be read.
 */
@Command(name = "search", mixinStandardHelpOptions = true)
final class SearchCommand extends StoreCommand {
    private static final int MESSAGE_WIDTH = 160;

    @Parameters(paramLabel = "QUERY", descriptionKey = "param.query")
    String query;

    @Option(names = "--regex", descriptionKey = "option.searchRegex")
    boolean regex;

    @Option(names = "--state", paramLabel = "STATE", descriptionKey = "option.state")
    Set<BatchState> states;

    @Option(names = "--sink", paramLabel = "SINK", descriptionKey = "option.sink")
    Set<String> sinks;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", descriptionKey = "option.searchLimit")
    int limit;

    @Override
    int run() {
        SearchRequest request = request();
        SearchSummary summary;
        try (CommandConsole store = access().reading(storeOptions)) {
            summary = store.console().search(request, json ? new JsonLines() : new Grouped());
        }
        out().flush();
        printSummary(summary);
        return summary.progress().hits() > 0 ? 0 : 1;
    }

    /** The request, its query read before the store is opened: a typo costs nothing. */
    private SearchRequest request() {
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), messages().get("search.badLimit", limit,
                    SearchRequest.MAX_LIMIT));
        }
        SearchRequest request = new SearchRequest(query, regex, new BatchQuery(states, sinks, null, null, null), limit);
        try {
            request.parsed();
        } catch (EntryQueryException e) {
            throw new ParameterException(spec.commandLine(), messages().get("search.badQuery", e.getMessage()));
        }
        return request;
    }

    private void printSummary(SearchSummary summary) {
        var p = summary.progress();
        String line = messages().get("search.summary", messages().number(p.hits()), messages().number(p.batchesWithHits()),
                messages().number(p.batchesScanned()), messages().number(p.batchesTotal()),
                messages().number(p.entriesScanned()), messages().millis(summary.took()));
        err().println(line);
        if (summary.ending() == SearchSummary.Ending.LIMIT_REACHED) {
            err().println(messages().get("search.limitReached", messages().number(limit)));
        }
        if (summary.unreadableCount() > 0) {
            err().println(messages().get("search.unreadable", summary.unreadableCount()));
            summary.unreadable().forEach(u -> err().println("  " + Printable.of(u)));
        }
        err().flush();
    }

    /** For a person: a line per batch with hits, then a line per hit under it. */
    private final class Grouped implements dev.batchyard.search.SearchListener {
        private String batch;

        @Override
        public boolean hit(SearchHit hit) {
            BatchView b = hit.batch();
            if (!b.id().equals(batch)) {
                batch = b.id();
                out().println(Printable.of(b.id()) + "  " + Printable.of(b.sink()) + "  " + b.state());
            }
            LogEntry e = hit.entry();
            out().println("  #" + hit.entryIndex() + "  " + (e.timestamp() == null ? "-" : e.timestamp()) + "  "
                    + Printable.of(e.level() == null ? "" : e.level()) + "  " + Printable.of(shortened(e.message())));
            return true;
        }

        private String shortened(String message) {
            if (message == null) {
                return "";
            }
            return message.length() <= MESSAGE_WIDTH ? message : message.substring(0, MESSAGE_WIDTH - 1) + "…";
        }
    }

    /** For a tool: {"batch_id", "sink", "state", "entry_index", "entry"} per line, the entry as the Go agent writes it. */
    private final class JsonLines implements dev.batchyard.search.SearchListener {
        private final ObjectMapper mapper = new ObjectMapper();
        private final GoJson goJson = new GoJson();

        @Override
        public boolean hit(SearchHit hit) {
            ObjectNode line = mapper.createObjectNode();
            line.put("batch_id", hit.batch().id());
            line.put("sink", hit.batch().sink());
            line.put("state", hit.batch().state().name());
            line.put("entry_index", hit.entryIndex());
            try {
                // the entry's own bytes, as Go writes them (not re-read: a number keeps its exact text)
                String head = mapper.writeValueAsString(line);
                String entry = new String(goJson.write(hit.entry(), false), StandardCharsets.UTF_8);
                out().println(Printable.json(head.substring(0, head.length() - 1) + ",\"entry\":" + entry + "}"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the hit in " + hit.batch().id() + " as JSON", e);
            }
            return true;
        }
    }
}
