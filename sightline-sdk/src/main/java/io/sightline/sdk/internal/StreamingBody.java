package io.sightline.sdk.internal;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A request body made of byte arrays and file ranges, read from disk one chunk at a time and only
 * when the HTTP client asks for more, so a file of any size is sent with a few chunks in memory.
 * Every subscription reads afresh, which is what lets a retry send the same body again.
 */
public final class StreamingBody implements HttpRequest.BodyPublisher {
    public static final int CHUNK_SIZE = 64 * 1024;

    /** One piece of the body. */
    public sealed interface Source permits Bytes, FileRange {
        long length();
    }

    public record Bytes(byte[] bytes) implements Source {
        public long length() {
            return bytes.length;
        }
    }

    /** @param counted whether its bytes are reported to the progress listener (the file is, form headers are not) */
    public record FileRange(Path file, long position, long length, boolean counted) implements Source {}

    private final List<Source> sources;
    private final long contentLength;
    private final LongConsumer progress;

    /**
     * @param progress told the running total of counted bytes handed to the HTTP client in the
     *                 current subscription; a retry starts again from zero
     */
    public StreamingBody(List<Source> sources, LongConsumer progress) {
        this.sources = List.copyOf(sources);
        this.contentLength = this.sources.stream().mapToLong(Source::length).sum();
        this.progress = progress;
    }

    public static StreamingBody ofFileRange(Path file, long position, long length, LongConsumer progress) {
        return new StreamingBody(List.of(new FileRange(file, position, length, true)), progress);
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new ChunkSubscription(subscriber));
    }

    /**
     * Emits at most as many chunks as were requested. The drain loop runs on whichever thread calls
     * {@code request}; {@code wip} makes a re-entrant {@code request} from inside {@code onNext}
     * add demand instead of recursing.
     */
    private final class ChunkSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private boolean finished;
        private int sourceIndex;
        private long offsetInSource;
        private long countedSent;
        private FileChannel channel;

        ChunkSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive"));
            } else {
                demand.getAndAccumulate(n, (current, add) -> current + add < 0 ? Long.MAX_VALUE : current + add);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) return;
            do {
                while (!finished && !cancelled && demand.get() > 0) {
                    ByteBuffer chunk;
                    try {
                        chunk = nextChunk();
                    } catch (IOException e) {
                        finished = true;
                        closeChannel();
                        subscriber.onError(e);
                        break;
                    }
                    if (chunk == null) {
                        finished = true;
                        subscriber.onComplete();
                        break;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(chunk);
                }
                if (cancelled) closeChannel();
            } while (wip.decrementAndGet() != 0);
        }

        /** @return the next chunk, or null at the end of the body */
        private ByteBuffer nextChunk() throws IOException {
            while (sourceIndex < sources.size()) {
                Source source = sources.get(sourceIndex);
                long remaining = source.length() - offsetInSource;
                if (remaining <= 0) {
                    closeChannel();
                    sourceIndex++;
                    offsetInSource = 0;
                    continue;
                }
                int size = (int) Math.min(CHUNK_SIZE, remaining);
                ByteBuffer chunk = switch (source) {
                    case Bytes bytes -> ByteBuffer.wrap(bytes.bytes(), (int) offsetInSource, size).slice();
                    case FileRange range -> readRange(range, size);
                };
                offsetInSource += size;
                if (source instanceof FileRange range && range.counted()) {
                    countedSent += size;
                    progress.accept(countedSent);
                }
                return chunk;
            }
            return null;
        }

        private ByteBuffer readRange(FileRange range, int size) throws IOException {
            if (channel == null) channel = FileChannel.open(range.file(), StandardOpenOption.READ);
            ByteBuffer chunk = ByteBuffer.allocate(size);
            long position = range.position() + offsetInSource;
            while (chunk.hasRemaining()) {
                int read = channel.read(chunk, position);
                if (read < 0) throw new IOException(range.file() + " became shorter while it was being sent");
                position += read;
            }
            return chunk.flip();
        }

        private void closeChannel() {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel: nothing was lost
            }
            channel = null;
        }
    }
}
