package dev.batchyard.serve;

import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.http.Answer;
import dev.batchyard.serve.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of this API, kept in the repository at
 * {@code src/main/resources/dev/batchyard/serve/openapi.json} and served as it is there.
 * {@code OpenApiDocumentTest} holds it to the routes: every route in it with its operation id and
 * role, and nothing else.
 */
final class OpenApiRoute {
    static final String RESOURCE = "openapi.json";

    private OpenApiRoute() {
    }

    static Route of() {
        byte[] document = document();
        return new Route("GET", "/api/v1/openapi.json", Access.READ, "openapi",
                exchange -> new Answer(200, Map.of(), Answer.JSON, document));
    }

    /** The document's bytes, read from the module once. */
    static byte[] document() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the OpenAPI document " + RESOURCE + " failed", e);
        }
    }
}
