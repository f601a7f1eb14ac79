package dev.batchyard.remote;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An answer's body read into memory up to a cap: past it the stream is cancelled and the answer
 * fails with {@link TooLarge}, so a peer that sends gigabytes costs the client at most the cap.
 */
final class CappedBody extends BodyReader<byte[]> {
    /** The body went past the cap. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long cap) {
            super("the answer is larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body().isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > cap) {
                fail(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onComplete() {
        body().complete(bytes.toByteArray());
    }
}
