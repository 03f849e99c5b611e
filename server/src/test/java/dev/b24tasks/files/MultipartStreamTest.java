package dev.b24tasks.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming multipart reader: parts come out byte for byte whatever the sizes the network hands them in, also
 * when the content holds near-copies of the boundary and the delimiter straddles the reader's 64 KiB buffer.
 */
class MultipartStreamTest {
  /** Hands out {@code data} in reads of 1 to 9000 bytes. */
  static InputStream trickle(byte[] data, long seed) {
    Random r = new Random(seed);
    return new InputStream() {
      int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= data.length) return -1;
        int n = Math.min(Math.min(len, 1 + r.nextInt(9000)), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  @Test
  void parts_come_out_whole_whatever_the_read_sizes() throws IOException {
    String boundary = "----b24boundary";
    byte[] content = new byte[3 * 64 * 1024 + 77];
    new Random(3).nextBytes(content);
    byte[] near = ("\r\n--" + boundary.substring(0, boundary.length() - 1)).getBytes(StandardCharsets.ISO_8859_1);
    for (int at : new int[] {0, 65_530, 65_536 - near.length / 2, 131_000}) System.arraycopy(near, 0, content, at, near.length);
    for (long seed = 1; seed <= 20; seed++) {
      byte[] body = DiskFilesTest.multipart(boundary, "file", "x.bin", "application/octet-stream", content);
      MultipartStream parts = new MultipartStream(trickle(body, seed), boundary);
      MultipartStream.Part note = parts.next();
      assertThat(note.name()).isEqualTo("note");
      assertThat(note.filename()).isNull();
      MultipartStream.Part file = parts.next();
      assertThat(file.name()).isEqualTo("file");
      assertThat(file.filename()).isEqualTo("x.bin");
      assertThat(file.contentType()).isEqualTo("application/octet-stream");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 + (int) seed * 777];
      int n;
      while ((n = file.body().read(buf, 0, buf.length)) >= 0) out.write(buf, 0, n);
      assertThat(Arrays.equals(out.toByteArray(), content)).as("seed " + seed).isTrue();
      assertThat(parts.next()).isNull();
    }
  }

  @Test
  void a_torn_body_is_malformed() {
    byte[] torn = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nno end"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> {
      MultipartStream.Part p = new MultipartStream(trickle(torn, 1), "zz").next();
      p.body().transferTo(new ByteArrayOutputStream());
    }).isInstanceOf(MultipartStream.Malformed.class);
    assertThatThrownBy(() -> new MultipartStream(trickle("no boundary at all".getBytes(StandardCharsets.UTF_8), 1),
        "zz").next()).isInstanceOf(MultipartStream.Malformed.class);
    assertThat(MultipartStream.boundary("multipart/form-data; boundary=\"abc\"")).isEqualTo("abc");
    assertThat(MultipartStream.boundary("application/json")).isNull();
  }
}
