package dev.batchyard.sink.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.EntryRejection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 2xx {@code _bulk} answer. Elasticsearch answers 200 even when documents were refused and
 * says so with {@code "errors": true} and a status per item, so a 200 is not yet a success. The
 * batch is retryable when every refused item is 429 or 5xx (resending it overwrites the accepted
 * documents by {@code _id}); any other refusal will happen again, so the batch fails permanently.
 *
 * <p><b>Size.</b> The answer has one item per document sent, so it is read up to
 * {@link #limitFor} bytes: 2 KiB per document plus 64 KiB. An item is about 200 bytes when the
 * document was taken and rarely over 1 KiB with an error and its reason, so the whole answer of any
 * batch fits. It is parsed item by item, so an answer cut at the limit still decides correctly
 * when it can: {@code "errors": false} (which Elasticsearch writes before the items) means
 * delivered, and one permanently refused item makes the batch permanent; otherwise a cut answer
 * with refusals is retried, which is safe as every document has a fixed {@code _id}.
 *
 * <p><b>Per entry.</b> Items answer in the order of the request, so the n-th item is entry n: a
 * whole answer with refusals names each refused entry with its status, {@code error.type} and
 * {@code error.reason} ({@link DeliveryOutcome.Failed#rejections()}), and the batch's reason says
 * how many of how many were refused and the most common reason.
 */
final class BulkAnswer {
    private static final int PER_DOCUMENT = 2 * 1024;
    private static final int BASE = 64 * 1024;
    private static final int MAX = 64 * 1024 * 1024;

    private BulkAnswer() {
    }

    /** Bytes of the answer to read for a batch of {@code documents}. */
    static int limitFor(int documents) {
        return (int) Math.min(MAX, BASE + (long) PER_DOCUMENT * documents);
    }

    /** @param documents how many documents the request sent (the batch's entries) */
    static DeliveryOutcome read(String target, ResponseBody body, ObjectMapper mapper, int documents) {
        if (body.text().isBlank() && !body.cut()) {
            return DeliveryOutcome.delivered(); // a 2xx with nothing in it claims no refusal
        }
        Tally tally = new Tally();
        boolean readWhole;
        try (JsonParser p = mapper.createParser(body.text())) {
            readWhole = tally.read(p, mapper);
        } catch (IOException e) {
            readWhole = false;
        }
        if (!readWhole && !body.cut()) {
            return DeliveryOutcome.retryable("unreadable _bulk answer from " + target
                    + ResponseClassifier.excerpt(body.text()));
        }
        if (Boolean.FALSE.equals(tally.errors) || (tally.errors == null && readWhole)) {
            return DeliveryOutcome.delivered();
        }
        if (readWhole && tally.failed > 0 && tally.items == documents) {
            return DeliveryOutcome.Failed.rejected(tally.rejections, documents, tally.allRetryable);
        }
        String reason = target + " refused " + tally.failed + " of " + (readWhole ? "" : "at least ") + tally.items
                + " documents" + (tally.first == null ? "" : "; first: " + tally.first)
                + (readWhole ? "" : "; the answer was cut after " + body.text().length() + " characters and the rest not read");
        if (!tally.allRetryable) {
            return DeliveryOutcome.permanent(reason);
        }
        return tally.failed > 0 || !readWhole ? DeliveryOutcome.retryable(reason) : DeliveryOutcome.permanent(reason);
    }

    /** What the answer says so far: the {@code errors} flag, items seen, refusals. */
    private static final class Tally {
        Boolean errors;
        int items;
        int failed;
        boolean allRetryable = true;
        String first;
        final List<EntryRejection> rejections = new ArrayList<>();

        /** @return true when the whole answer was read, false when it ends early (cut) */
        boolean read(JsonParser p, ObjectMapper mapper) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("errors") && value.isBoolean()) {
                    errors = value == JsonToken.VALUE_TRUE;
                } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        item(mapper.readTree(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            return true;
        }

        private void item(JsonNode item) {
            int position = items++;
            JsonNode result = item.elements().hasNext() ? item.elements().next() : item;
            int status = result.path("status").asInt(0);
            if (status >= 200 && status < 300) {
                return;
            }
            failed++;
            allRetryable &= ResponseClassifier.isRetryableStatus(status);
            JsonNode err = result.path("error");
            String why = status + " " + err.path("type").asText("") + ": " + err.path("reason").asText(err.asText(""));
            rejections.add(new EntryRejection(position, why));
            if (first == null) {
                first = why + " (_id " + result.path("_id").asText("?") + ")";
            }
        }
    }
}
