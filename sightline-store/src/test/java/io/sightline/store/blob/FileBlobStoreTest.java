package io.sightline.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void write_whenStreamFailsHalfway_keepsThePreviousBlobAndNoTempFiles() throws Exception {
        FileBlobStore blobs = new FileBlobStore(root);
        blobs.write("videos/a/source", new ByteArrayInputStream("old".getBytes()), 100);
        InputStream failing = new InputStream() {
            int sent;
            @Override
            public int read() throws IOException {
                if (sent++ > 10) throw new IOException("client went away");
                return 'x';
            }
        };
        assertThatThrownBy(() -> blobs.write("videos/a/source", failing, 100)).hasMessageContaining("client went away");
        try (InputStream in = blobs.read("videos/a/source").orElseThrow()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("old");
        }
        try (var files = Files.list(root.resolve("videos/a"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("source");
        }
    }

    @Test
    void write_whenOverLimit_storesNothing() throws Exception {
        FileBlobStore blobs = new FileBlobStore(root);
        assertThatThrownBy(() -> blobs.write("big", new ByteArrayInputStream(new byte[101]), 100)).isInstanceOf(BlobStore.TooLarge.class);
        assertThat(blobs.exists("big")).isFalse();
    }

    @Test
    void write_reportsSizeAndSha256() throws Exception {
        BlobStore.Stored stored = new FileBlobStore(root).write("k", new ByteArrayInputStream("abc".getBytes()), 10);
        assertThat(stored.size()).isEqualTo(3);
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void keys_cannotEscapeTheRoot() throws Exception {
        FileBlobStore blobs = new FileBlobStore(root);
        assertThatThrownBy(() -> blobs.localPath("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.delete("videos/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delete_removesAPrefixRecursively() throws Exception {
        FileBlobStore blobs = new FileBlobStore(root);
        blobs.write("videos/a/hls/seg1.ts", new ByteArrayInputStream(new byte[1]), 10);
        blobs.write("videos/a/source", new ByteArrayInputStream(new byte[1]), 10);
        blobs.write("videos/b/source", new ByteArrayInputStream(new byte[1]), 10);
        blobs.delete("videos/a/");
        assertThat(blobs.exists("videos/a/source")).isFalse();
        assertThat(blobs.exists("videos/b/source")).isTrue();
    }
}
