package io.sightline.sdk.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingBodyTest {
    @TempDir
    Path dir;

    /** Records what the publisher emits and requests only when told to. */
    static final class Probe implements Flow.Subscriber<ByteBuffer> {
        Flow.Subscription subscription;
        final List<Integer> chunkSizes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean complete;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(ByteBuffer item) {
            chunkSizes.add(item.remaining());
            byte[] copy = new byte[item.remaining()];
            item.get(copy);
            bytes.writeBytes(copy);
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }
    }

    @Test
    void subscribe_whenOneChunkRequested_readsOneChunkAndNoMore() throws IOException {
        Path file = randomFile(1_000_000);
        StreamingBody body = StreamingBody.ofFileRange(file, 0, 1_000_000, sent -> {});
        Probe probe = new Probe();

        body.subscribe(probe);
        probe.subscription.request(1);

        assertThat(probe.chunkSizes).containsExactly(StreamingBody.CHUNK_SIZE);
        assertThat(probe.complete).isFalse();
        probe.subscription.request(2);
        assertThat(probe.chunkSizes).hasSize(3);
    }

    @Test
    void subscribe_whenDrained_emitsBytesThenFileRangeThenBytesInBoundedChunks() throws IOException {
        Path file = randomFile(200_000);
        byte[] head = "head-".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "-tail".getBytes(StandardCharsets.UTF_8);
        List<Long> progress = new ArrayList<>();
        StreamingBody body = new StreamingBody(List.of(new StreamingBody.Bytes(head),
                new StreamingBody.FileRange(file, 1000, 150_000, true), new StreamingBody.Bytes(tail)), progress::add);
        Probe probe = new Probe();

        body.subscribe(probe);
        probe.subscription.request(Long.MAX_VALUE);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(head);
        expected.write(Files.readAllBytes(file), 1000, 150_000);
        expected.writeBytes(tail);
        assertThat(probe.complete).isTrue();
        assertThat(probe.bytes.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(body.contentLength()).isEqualTo(expected.size());
        assertThat(probe.chunkSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(StreamingBody.CHUNK_SIZE));
        assertThat(progress).isSorted().last().isEqualTo(150_000L);
    }

    @Test
    void subscribe_secondTime_sendsTheSameBytesAgainForARetry() throws IOException {
        Path file = randomFile(100_000);
        StreamingBody body = StreamingBody.ofFileRange(file, 0, 100_000, sent -> {});
        Probe first = new Probe();
        Probe second = new Probe();

        body.subscribe(first);
        first.subscription.request(Long.MAX_VALUE);
        body.subscribe(second);
        second.subscription.request(Long.MAX_VALUE);

        assertThat(second.bytes.toByteArray()).isEqualTo(first.bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void subscribe_whenFileShrankAfterSizing_signalsError() throws IOException {
        Path file = randomFile(100_000);
        StreamingBody body = StreamingBody.ofFileRange(file, 0, 100_000, sent -> {});
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(70_000);
        }
        Probe probe = new Probe();

        body.subscribe(probe);
        probe.subscription.request(Long.MAX_VALUE);

        assertThat(probe.error).isInstanceOf(IOException.class).hasMessageContaining("shorter");
        assertThat(probe.complete).isFalse();
    }

    @Test
    void request_whenNotPositive_signalsErrorPerReactiveStreamsRule() throws IOException {
        StreamingBody body = StreamingBody.ofFileRange(randomFile(10), 0, 10, sent -> {});
        Probe probe = new Probe();

        body.subscribe(probe);
        probe.subscription.request(0);

        assertThat(probe.error).isInstanceOf(IllegalArgumentException.class);
        assertThat(probe.chunkSizes).isEmpty();
    }

    @Test
    void escape_whenNameHasQuotesOrNewlines_percentEncodesThem() {
        assertThat(MultipartForm.escape("a\"b\r\nc.mp4")).isEqualTo("a%22b%0D%0Ac.mp4");
    }

    private Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("f" + size), bytes);
    }
}
