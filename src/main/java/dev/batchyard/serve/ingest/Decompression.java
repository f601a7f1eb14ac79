package dev.batchyard.serve.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * {@code Content-Encoding} of a request: none ({@code identity}) or {@code gzip}, undone within
 * {@link BodyLimits#maxDecodedBytes()}: a body that inflates past it is refused after reading one
 * byte more than the limit, never inflated whole. Stateless.
 */
final class Decompression {
    private Decompression() {
    }

    /** @throws UnsupportedEncodingException for an encoding other than none or gzip */
    static byte[] undo(String contentEncoding, byte[] body, BodyLimits limits) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> gunzip(body, limits);
            default -> throw new UnsupportedEncodingException(contentEncoding);
        };
    }

    private static byte[] gunzip(byte[] body, BodyLimits limits) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            byte[] out = in.readNBytes(limits.maxDecodedBytes() + 1);
            if (out.length > limits.maxDecodedBytes()) {
                throw new BodyTooLargeException("the gzip body decompresses to more than " + limits.maxDecodedBytes()
                        + " bytes (" + BodyLimits.DECODED_KEY + ")");
            }
            return out;
        } catch (ZipException e) {
            throw new MalformedBodyException("Content-Encoding is gzip, but the body is not valid gzip: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new MalformedBodyException("Content-Encoding is gzip, but the gzip body is cut short", e);
        } catch (IOException e) {
            throw new MalformedBodyException("cannot decompress the gzip body: " + e.getMessage(), e);
        }
    }

    /** A {@code Content-Encoding} this server does not take; answered 415. */
    public static final class UnsupportedEncodingException extends RuntimeException {
        public UnsupportedEncodingException(String encoding) {
            super("Content-Encoding " + Quoting.shortly(encoding) + " is not supported; send the body as is or gzip");
        }
    }
}
