package dev.batchyard.serve.ingest;

import java.util.Locale;

/**
 * From a push request's bytes and headers to a {@link LokiPush}, as Loki reads it: a
 * {@code Content-Type} of {@code application/json} is JSON; {@code application/x-protobuf} (or
 * none, as Loki assumes) is a snappy-compressed protobuf. A {@code Content-Encoding} of gzip is
 * undone first, for either. Each step stays within the {@link BodyLimits}. Stateless.
 */
public final class LokiPushBody {
    private LokiPushBody() {
    }

    /**
     * @throws MalformedBodyException  a body that is not what its headers say (400)
     * @throws BodyTooLargeException   past a limit once decompressed (413)
     * @throws UnsupportedTypeException a content type or encoding Loki does not take (415)
     */
    public static LokiPush decode(String contentType, String contentEncoding, byte[] body, BodyLimits limits) {
        LokiPush.Collector push = new LokiPush.Collector();
        read(contentType, contentEncoding, body, limits, push);
        return push.push();
    }

    /**
     * Reads the push into {@code out} as it decodes it, so a JSON push becomes entries without a
     * {@link LokiPush} in between (a protobuf push, whose labels may follow its lines, is read whole first).
     *
     * @throws MalformedBodyException  a body that is not what its headers say (400)
     * @throws BodyTooLargeException   past a limit once decompressed (413)
     * @throws UnsupportedTypeException a content type or encoding Loki does not take (415)
     */
    static void read(String contentType, String contentEncoding, byte[] body, BodyLimits limits, LokiLines out) {
        String type = mediaType(contentType);
        if (!type.equals("application/json") && !type.isEmpty() && !type.equals("application/x-protobuf")) {
            throw new UnsupportedTypeException("Content-Type " + Quoting.shortly(contentType)
                    + " is not a Loki push; send application/json or application/x-protobuf (snappy)");
        }
        byte[] plain;
        try {
            plain = Decompression.undo(contentEncoding, body, limits);
        } catch (Decompression.UnsupportedEncodingException e) {
            throw new UnsupportedTypeException(e.getMessage());
        }
        if (type.equals("application/json")) {
            LokiJson.decode(plain, out);
        } else {
            LokiProtobuf.decode(Snappy.decompress(plain, limits.maxDecodedBytes(), BodyLimits.DECODED_KEY)).handTo(out);
        }
    }

    /** The media type without parameters, in lower case ({@code application/json; charset=utf-8} → {@code application/json}). */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** A content type or encoding a route does not take; answered 415. */
    public static final class UnsupportedTypeException extends RuntimeException {
        public UnsupportedTypeException(String message) {
            super(message);
        }
    }
}
