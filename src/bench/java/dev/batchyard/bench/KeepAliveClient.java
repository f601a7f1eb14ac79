package dev.batchyard.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One log shipper's connection: HTTP/1.1 kept alive, one request at a time, each written in one
 * go from pre-built bytes and its answer read to the end. Deliberately lean (no pool, no parsing
 * beyond the status and {@code Content-Length}), so that on a 2-core machine the CPU goes to the
 * server being measured, as it would with shippers on other machines. Not thread-safe: one per client.
 */
final class KeepAliveClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    KeepAliveClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** A whole POST: the request line, headers with {@code Content-Length}, and the body. */
    static byte[] post(String path, String contentType, String token, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Sends one request and reads its answer; returns the status. */
    int send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        long length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(header.substring("content-length:".length()).strip());
            }
        }
        in.skipNBytes(length);
        return Integer.parseInt(status.substring(9, 12));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection mid-answer");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
