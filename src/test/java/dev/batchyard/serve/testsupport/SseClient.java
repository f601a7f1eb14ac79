package dev.batchyard.serve.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Server-Sent Events reader for tests over a plain socket: an HTTP/1.0 request, so the answer
 * comes unchunked and each line can be read as the server flushes it.
 */
public final class SseClient implements AutoCloseable {
    /** One event: its {@code id}, {@code event} and {@code data} lines. */
    public record Frame(String id, String event, String data) {
    }

    private final Socket socket;
    private final BufferedReader in;
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public SseClient(int port, String path, String... headers) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                this.headers.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The next event (comments and {@code retry:} lines skipped), or null when the stream ended. */
    public Frame next() {
        try {
            String id = null;
            String event = null;
            String data = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (event != null) {
                        return new Frame(id, event, data);
                    }
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no event within 10 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next {@code n} events. */
    public List<Frame> next(int n) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** Everything left until the server ends the stream. */
    public String rest() {
        try {
            StringBuilder out = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                out.append(line).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
