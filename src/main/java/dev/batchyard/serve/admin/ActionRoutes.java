package dev.batchyard.serve.admin;

import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.IndexRanges;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.serve.http.Answer;
import dev.batchyard.serve.auth.Caller;
import dev.batchyard.serve.http.Exchange;
import dev.batchyard.serve.http.JsonBodies;
import dev.batchyard.serve.http.Route;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.IngestBodies;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The admin API's changing routes, one per changing method of {@link Console}, each through the
 * calling token's console, so the audit trail names the token:
 * <ul>
 *   <li>{@code POST /api/v1/actions/retry}, {@code .../discard} (with {@code reason}),
 *       {@code .../reroute} (with {@code sink}): on {@code ids}, or on every batch matching a
 *       {@code filter} (the fields of {@code GET /api/v1/batches}' filter) when the request is
 *       read; {@code .../restore} likewise, among the batches discarded within {@code discard_grace}
 *       ({@link ActionScope}); the answer per id exactly as the CLI's {@code --json} ({@link AdminJson#results}):
 *       an id not stored is a result, not a 404. With {@code "dry_run": true} nothing changes and
 *       the answer is the console's {@link dev.batchyard.console.ActionPreview};</li>
 *   <li>{@code POST /api/v1/recovery/pause}, {@code .../resume}: the recovery loop's state after;</li>
 *   <li>{@code POST /api/v1/cleanup}: the cleanup pass's report.</li>
 * </ul>
 */
public final class ActionRoutes {
    static final Set<String> ACTION_FIELDS = Set.of("ids", "filter", "dry_run", "reason", "sink");
    /** Batches read at a time when an action's filter is resolved to ids. */
    static final int FILTER_PAGE = 1000;

    private final Function<Caller, Console> consoles;
    private final JsonBodies json;
    private final BodyLimits limits;

    public ActionRoutes(Function<Caller, Console> consoles, JsonBodies json, BodyLimits limits) {
        this.consoles = consoles;
        this.json = json;
        this.limits = limits;
    }

    public List<Route> routes() {
        return List.of(
                action("retry", ActionScope.STORED, Set.of(), (c, ids, body) -> c.retryNow(ids)),
                action("discard", ActionScope.STORED, Set.of("reason"), (c, ids, body) -> c.discard(ids, body.text("reason"))),
                action("reroute", ActionScope.STORED, Set.of("sink"), (c, ids, body) -> c.reroute(ids, body.text("sink"))),
                action("restore", ActionScope.RECENTLY_DISCARDED, Set.of(), (c, ids, body) -> c.restore(ids)),
                action("requeue", ActionScope.STORED, Set.of(), Set.of("sink"), (c, ids, body) -> c.requeue(ids, body.text("sink"))),
                repair("split", Set.of("id", "failed", "entries", "chunk", "dry_run"),
                        (c, body) -> AdminJson.repair(c.split(split(body)))),
                repair("merge", Set.of("ids", "dry_run"), (c, body) -> AdminJson.repair(c.merge(merge(body)))),
                repair("edit", Set.of("edit", "id", "ids", "entries", "index", "entry", "before", "key", "value"),
                        (c, body) -> AdminJson.edited(c.edit(edit(body)))),
                change("/api/v1/recovery/pause", "recovery_pause", c -> paused(c, true)),
                change("/api/v1/recovery/resume", "recovery_resume", c -> paused(c, false)),
                change("/api/v1/cleanup", "cleanup", c -> AdminJson.cleanup(c.runCleanupNow())));
    }

    /** What an action does with the caller's console, the chosen ids and the request. */
    @FunctionalInterface
    private interface Act {
        List<ActionResult> apply(Console console, List<String> ids, JsonRequest body);
    }

    /**
     * @param scope    the batches its selection picks from
     * @param required the fields this action needs besides the selection (refused when missing or blank)
     */
    private Route action(String name, ActionScope scope, Set<String> required, Act act) {
        return action(name, scope, required, Set.of(), act);
    }

    /** @param optional the fields this action may take besides the selection and the required ones */
    private Route action(String name, ActionScope scope, Set<String> required, Set<String> optional, Act act) {
        Set<String> allowed = new HashSet<>(Set.of("ids", "filter", "dry_run"));
        allowed.addAll(required);
        allowed.addAll(optional);
        return new Route("POST", "/api/v1/actions/" + name, dev.batchyard.serve.auth.Access.CHANGE, "actions_" + name, x -> {
            JsonRequest body = JsonRequest.read(IngestBodies.json(x.header("Content-Type"),
                    x.header("Content-Encoding"), x.body(), limits), allowed);
            for (String field : required) {
                String value = body.text(field);
                if (value == null || value.isBlank()) {
                    throw new BadParameterException(field, value, "is needed by " + name + " ("
                            + (field.equals("sink") ? "the sink to send the batches to" : "why, for the audit trail")
                            + ")");
                }
            }
            Console console = consoles.apply(x.caller());
            List<String> ids = body.texts("ids");
            boolean dryRun = body.flag("dry_run");
            if (!dryRun) {
                Optional<Answer> readOnly = readOnly(console);
                if (readOnly.isPresent()) {
                    return readOnly.get();
                }
            }
            boolean byFilter = body.has("filter");
            if ((ids != null) == byFilter) {
                throw new BadParameterException("ids", ids == null ? null : "ids and filter",
                        "or filter: give exactly one of them (an array of batch ids, or a filter object with any of "
                                + BatchFilter.PARAMETERS + ")");
            }
            BatchQuery query = byFilter ? BatchFilter.read(body.filter("filter", BatchFilter.PARAMETERS)) : null;
            if (dryRun) {
                return json.answer(200, AdminJson.preview(byFilter ? scope.preview(console, query) : scope.preview(console, ids)));
            }
            List<String> chosen = byFilter ? scope.matching(console, query) : ids;
            return json.answer(200, AdminJson.results(act.apply(console, chosen, body)));
        });
    }

    /**
     * A split, merge or edit: one request, one answer of what was made ({@link AdminJson#repair},
     * {@link AdminJson#edited}); refused with 400 (bad input), 404 (no such batch), 409 (read-only, or the
     * batch changed or is in flight), 413 (a result over {@code max_batch_bytes}), nothing changed.
     */
    private Route repair(String name, Set<String> allowed, java.util.function.BiFunction<Console, JsonRequest,
            Map<String, Object>> act) {
        return new Route("POST", "/api/v1/actions/" + name, dev.batchyard.serve.auth.Access.CHANGE, "actions_" + name,
                x -> {
                    JsonRequest body = JsonRequest.read(IngestBodies.json(x.header("Content-Type"),
                            x.header("Content-Encoding"), x.body(), limits), allowed);
                    Console console = consoles.apply(x.caller());
                    if (!body.flag("dry_run")) {
                        Optional<Answer> readOnly = readOnly(console);
                        if (readOnly.isPresent()) {
                            return readOnly.get();
                        }
                    }
                    return json.answer(200, act.apply(console, body));
                });
    }

    /** {@code {"id": ..., "failed": true | "entries": "3,5-9" | "chunk": N}}: exactly one way. */
    private static SplitRequest split(JsonRequest body) {
        String id = body.text("id");
        if (id == null || id.isBlank()) {
            throw new BadParameterException("id", id, "is needed: the batch to split");
        }
        boolean failed = body.flag("failed");
        String entries = body.text("entries");
        Double chunk = body.decimal("chunk");
        int ways = (failed ? 1 : 0) + (entries != null ? 1 : 0) + (chunk != null ? 1 : 0);
        if (ways != 1) {
            throw new BadParameterException("failed", null, "entries or chunk: give exactly one of them (failed: true,"
                    + " entries: \"3,5-9\", or chunk: a number of entries per new batch)");
        }
        SplitRequest request;
        if (failed) {
            request = SplitRequest.failedEntries(id);
        } else if (entries != null) {
            request = SplitRequest.entries(id, IndexRanges.parse(entries));
        } else {
            if (chunk != Math.rint(chunk) || chunk < 1 || chunk > Integer.MAX_VALUE) {
                throw new BadParameterException("chunk", chunk.toString(), "must be a whole number of entries, at least 1");
            }
            request = SplitRequest.chunks(id, chunk.intValue());
        }
        return body.flag("dry_run") ? request.asDryRun() : request;
    }

    /**
     * {@code {"edit": "remove_entries", "id": ..., "entries": "3,5-9"}}, {@code {"edit": "replace_entry", "id": ...,
     * "index": N, "entry": "<the Go agent's JSON of the entry>", "before": "<as read>"}}, {@code {"edit":
     * "set_label", "ids": [...], "key": ..., "value": ...}} or {@code {"edit": "remove_label", "ids": [...], "key": ...}}.
     */
    private static EditRequest edit(JsonRequest body) {
        String kind = body.text("edit");
        if (kind == null) {
            throw new BadParameterException("edit", null, "is needed: remove_entries, replace_entry, set_label or remove_label");
        }
        return switch (kind) {
            case "remove_entries" -> new EditRequest.RemoveEntries(needed(body, "id", "the batch to edit"),
                    IndexRanges.parse(needed(body, "entries", "the entries to remove, from 0, as 3,5-9")));
            case "replace_entry" -> {
                Double index = body.decimal("index");
                if (index == null || index != Math.rint(index) || index < 0 || index > Integer.MAX_VALUE) {
                    throw new BadParameterException("index", index == null ? null : index.toString(),
                            "is needed: the index of the entry to replace, a whole number from 0");
                }
                yield new EditRequest.ReplaceEntry(needed(body, "id", "the batch to edit"), index.intValue(),
                        needed(body, "entry", "the new entry, as the Go agent's JSON of it, in a string"),
                        body.text("before"));
            }
            case "set_label", "remove_label" -> {
                List<String> ids = body.texts("ids");
                if (ids == null || ids.isEmpty()) {
                    throw new BadParameterException("ids", null, "is needed: the batches whose entries to label");
                }
                String key = body.text("key");
                if (key == null) {
                    throw new BadParameterException("key", null, "is needed: the label's name");
                }
                yield new EditRequest.SetLabel(ids, key, kind.equals("remove_label") ? null
                        : needed(body, "value", "the label's value"));
            }
            default -> throw new BadParameterException("edit", kind,
                    "is not an edit: remove_entries, replace_entry, set_label or remove_label");
        };
    }

    private static String needed(JsonRequest body, String field, String what) {
        String value = body.text(field);
        if (value == null) {
            throw new BadParameterException(field, null, "is needed: " + what);
        }
        return value;
    }

    private static MergeRequest merge(JsonRequest body) {
        List<String> ids = body.texts("ids");
        if (ids == null) {
            throw new BadParameterException("ids", null, "is needed: the batches to merge, in order");
        }
        MergeRequest request = MergeRequest.of(ids);
        return body.flag("dry_run") ? request.asDryRun() : request;
    }

    private static Map<String, Object> paused(Console console, boolean paused) {
        console.setRecoveryPaused(paused);
        return Map.of("recovery_paused", console.stats().recoveryPaused());
    }

    private Route change(String pattern, String name, Function<Console, Object> change) {
        return new Route("POST", pattern, dev.batchyard.serve.auth.Access.CHANGE, name, (Exchange x) -> {
            x.body(); // read within the limits; these routes take no body
            Console console = consoles.apply(x.caller());
            return readOnly(console).orElseGet(() -> json.answer(200, change.apply(console)));
        });
    }

    /** 409 naming why, when the console may not change its store; before anything is read or done. */
    private Optional<Answer> readOnly(Console console) {
        StoreInfo info = console.info();
        if (info.writable()) {
            return Optional.empty();
        }
        String why = info.access() instanceof Access.HeldElsewhere held
                ? "another process holds its lock" + (held.holderPid() > 0 ? " (pid " + held.holderPid() + ")" : "")
                : "it was opened read-only";
        return Optional.of(json.error(409, dev.batchyard.serve.http.Refusals.READ_ONLY, "the store " + info.location() + " cannot be changed here: " + why));
    }
}
