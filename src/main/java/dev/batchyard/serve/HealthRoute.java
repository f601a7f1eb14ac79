package dev.batchyard.serve;

import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.http.JsonBodies;
import dev.batchyard.serve.http.Route;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}, for load balancers and systemd: 200 {@code {"status":"ok"}} while the store
 * takes writes, 503 with the reason once it stopped. Needs no token and tells nothing else.
 */
final class HealthRoute {
    private HealthRoute() {
    }

    static Route of(Supplier<String> problem, JsonBodies json) {
        return new Route("GET", "/healthz", Access.NONE, "healthz", exchange -> {
            String p = problem.get();
            return p.isEmpty() ? json.answer(200, Map.of("status", "ok"))
                    : json.answer(503, Map.of("status", "unhealthy", "problem", p));
        });
    }
}
