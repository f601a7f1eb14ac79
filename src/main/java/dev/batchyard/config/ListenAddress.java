package dev.batchyard.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where {@code serve} listens: {@code HOST:PORT}, with an IPv6 host in brackets
 * ({@code [::1]:7431}). Port 0 asks the OS for a free port. Immutable.
 */
public record ListenAddress(String host, int port) {
    public static final String ALLOWED = "must be HOST:PORT, such as 127.0.0.1:7431 or [::1]:7431, with a port from 0 to 65535";

    /** @throws IllegalArgumentException saying what is allowed */
    public static ListenAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException(ALLOWED);
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") != host.endsWith("]")) {
            throw new IllegalArgumentException(ALLOWED);
        }
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(ALLOWED + " (an IPv6 address goes in brackets)");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ALLOWED);
        }
        if (host.isBlank() || port < 0 || port > 65_535) {
            throw new IllegalArgumentException(ALLOWED);
        }
        return new ListenAddress(host, port);
    }

    /** Whether every address {@code host} names is a loopback address (a name that does not resolve is not). */
    public boolean isLoopback() {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
