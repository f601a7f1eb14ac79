package dev.batchyard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One log shipper's connection: HTTP/1.1 kept alive, one request at a time, each written in one
 * go from pre-built bytes and its answer read to the end. Deliberately lean, as {@code wrk} is, so
 * that on a 2-core machine the CPU goes to the server being measured, as it would with shippers on
 * other machines:
 * <ul>
 *   <li>each request is encoded once, into a direct buffer, and written from it as it is (a heap
 *       array is copied into a temporary direct buffer on every write);</li>
 *   <li>the channel blocks in the kernel until the answer comes (a {@link java.net.Socket}'s
 *       stream polls: a failed read, a {@code poll} and a read again per answer);</li>
 *   <li>the answer's status line and {@code Content-Length} are read from its bytes, no strings
 *       made; the body, if any, is skipped.</li>
 * </ul>
 * Every request is a real one on a real socket; only a complete 2xx answer counts as a push (the
 * caller checks the status). Not thread-safe: one per client.
 */
final class KeepAliveClient implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);

    KeepAliveClient(int port) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        in.limit(0);
    }

    /** A whole POST: the request line, headers with {@code Content-Length}, and the body, ready to send. */
    static ByteBuffer post(String path, String contentType, String token, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer all = ByteBuffer.allocateDirect(head.length + body.length);
        all.put(head).put(body).flip();
        return all.asReadOnlyBuffer();
    }

    /** Sends one request and reads its answer; returns the status. */
    int send(ByteBuffer request) throws IOException {
        ByteBuffer out = request.duplicate();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        int status = status(line());
        long length = 0;
        for (int from = line(); in.position() - from > 2; from = line()) {
            if (startsWithIgnoringCase(from, CONTENT_LENGTH)) {
                length = number(from + CONTENT_LENGTH.length, in.position() - 2);
            }
        }
        skip(length);
        return status;
    }

    /** Reads up to the next line feed; returns where the line started ({@code in.position()} is past it). */
    private int line() throws IOException {
        int from = in.position();
        while (true) {
            for (int i = in.position(); i < in.limit(); i++) {
                if (in.get(i) == '\n') {
                    in.position(i + 1);
                    return from;
                }
            }
            from = refill(from);
        }
    }

    /** Moves what is unread from {@code keepFrom} on to the front and reads more; returns where it now starts. */
    private int refill(int keepFrom) throws IOException {
        int scanned = in.limit() - keepFrom;
        in.position(keepFrom);
        in.compact();
        if (!in.hasRemaining()) {
            throw new IOException("an answer's line is longer than " + in.capacity() + " bytes");
        }
        if (channel.read(in) < 0) {
            throw new IOException("the server closed the connection mid-answer");
        }
        in.flip();
        in.position(scanned);
        return 0;
    }

    private int status(int from) throws IOException {
        if (in.position() - from < 12) {
            throw new IOException("not an HTTP status line");
        }
        return (int) number(from + 9, from + 12);
    }

    private long number(int from, int to) throws IOException {
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
            } else if (b != ' ' && b != '\r') {
                throw new IOException("not a number in an answer's head");
            }
        }
        return value;
    }

    private boolean startsWithIgnoringCase(int from, byte[] prefix) {
        if (in.position() - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(in.get(from + i)) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void skip(long length) throws IOException {
        while (length > 0) {
            if (!in.hasRemaining()) {
                in.clear();
                if (channel.read(in) < 0) {
                    throw new IOException("the server closed the connection mid-answer");
                }
                in.flip();
            }
            int n = (int) Math.min(length, in.remaining());
            in.position(in.position() + n);
            length -= n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
