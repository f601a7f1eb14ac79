package dev.batchyard.serve.admin;

import dev.batchyard.console.Console;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.auth.Caller;
import dev.batchyard.serve.http.Answer;
import dev.batchyard.serve.http.JsonBodies;
import dev.batchyard.serve.http.Route;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.IngestBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The store's throttled replay over the admin API: {@code GET /api/v1/replay} (its status, 404 when
 * there never was one), {@code POST /api/v1/replay} (start: action, ids, sink, rate) and
 * {@code POST /api/v1/replay/pause|resume|cancel}. A second replay while one is under way, or a
 * control with nothing to control, is 409 naming why; a bad rate or action 400 naming the value.
 */
public final class ReplayRoutes {
    private final Function<Caller, Console> consoles;
    private final JsonBodies json;
    private final BodyLimits limits;

    public ReplayRoutes(Function<Caller, Console> consoles, JsonBodies json, BodyLimits limits) {
        this.consoles = consoles;
        this.json = json;
        this.limits = limits;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v1/replay", Access.READ, "replay",
                        x -> consoles.apply(x.caller()).replay().map(s -> json.answer(200, status(s)))
                                .orElseGet(() -> json.error(404, "there is no replay in this store"))),
                new Route("POST", "/api/v1/replay", Access.CHANGE, "replay_start", x -> {
                    JsonRequest body = JsonRequest.read(IngestBodies.json(x.header("Content-Type"),
                            x.header("Content-Encoding"), x.body(), limits), Set.of("action", "ids", "sink", "rate"));
                    ReplayRequest request = request(body);
                    return guarded(() -> status(consoles.apply(x.caller()).startReplay(request)));
                }),
                control(ReplayControl.PAUSE), control(ReplayControl.RESUME), control(ReplayControl.CANCEL));
    }

    private Route control(ReplayControl control) {
        String word = control.name().toLowerCase(Locale.ROOT);
        return new Route("POST", "/api/v1/replay/" + word, Access.CHANGE, "replay_" + word, x -> {
            x.body(); // read within the limits; these routes take no body
            return guarded(() -> status(consoles.apply(x.caller()).controlReplay(control)));
        });
    }

    private static ReplayRequest request(JsonRequest body) {
        String action = body.text("action");
        ReplayRequest.Action chosen;
        try {
            chosen = ReplayRequest.Action.valueOf(String.valueOf(action).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("action", action, "must be retry, requeue or reroute");
        }
        Double rate = body.decimal("rate");
        if (rate == null) {
            throw new BadParameterException("rate", null, "is needed: batches a second, above 0, at most "
                    + (int) ReplayRequest.MAX_RATE);
        }
        List<String> ids = body.texts("ids");
        try {
            return new ReplayRequest(chosen, ids == null ? List.of() : ids, body.text("sink"), rate);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(e.getMessage().contains("rate") ? "rate" : "ids", String.valueOf(
                    e.getMessage().contains("rate") ? rate : ids), e.getMessage());
        }
    }

    /** 409 naming why, for a replay that cannot start or be controlled now. */
    private Answer guarded(java.util.function.Supplier<Object> change) {
        try {
            return json.answer(200, change.get());
        } catch (IllegalStateException e) {
            return json.error(409, e.getMessage());
        }
    }

    static Map<String, Object> status(ReplayStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", s.action().code());
        m.put("sink", s.sink());
        m.put("rate", s.rate());
        m.put("total", s.total());
        m.put("taken", s.taken());
        m.put("refused", s.refused());
        m.put("state", s.state().name());
        m.put("started_by", s.startedBy());
        m.put("started_at", s.startedAt().toString());
        m.put("uncertain", s.uncertain());
        m.put("active", s.active());
        return m;
    }
}
