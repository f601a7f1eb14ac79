package dev.batchyard.serve.ingest;

/** A JSON request body as sent: {@code application/json} (or no type), gzip allowed, within the limits. */
public final class IngestBodies {
    private IngestBodies() {
    }

    /** @throws LokiPushBody.UnsupportedTypeException for another type or encoding (415) */
    public static byte[] json(String contentType, String contentEncoding, byte[] body, BodyLimits limits) {
        String type = LokiPushBody.mediaType(contentType);
        if (!type.isEmpty() && !type.equals("application/json")) {
            throw new LokiPushBody.UnsupportedTypeException("Content-Type " + Quoting.shortly(contentType)
                    + " is not taken here; send application/json");
        }
        try {
            return Decompression.undo(contentEncoding, body, limits);
        } catch (Decompression.UnsupportedEncodingException e) {
            throw new LokiPushBody.UnsupportedTypeException(e.getMessage());
        }
    }
}
