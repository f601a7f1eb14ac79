package dev.batchyard.serve.http;

/** Told of every answered request, for metrics: the route's name ({@code unmatched} for none), the status, the time taken. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (route, status, nanos) -> { };

    void answered(String route, int status, long nanos);
}
