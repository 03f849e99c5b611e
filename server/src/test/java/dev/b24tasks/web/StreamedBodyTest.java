package dev.b24tasks.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * m23: a chunked body past the size limit is answered 413 at once and the connection closed; the server does not
 * keep reading a body that may never end.
 */
class StreamedBodyTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.maxBodyBytes = 4096);

  @Test
  void an_endless_chunked_body_is_answered_413_without_reading_it_to_the_end() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.app().port())) {
      s.setSoTimeout(20_000); // the answer must come while the body is still open; a hang fails here
      OutputStream out = s.getOutputStream();
      out.write(("POST /rest/1/" + TestServer.ADMIN_CODE + "/server.time HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < 8; i++) {
        out.write("400\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.flush(); // 8 KB sent, the last chunk never: a client that streams forever
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && head.indexOf("\r\n\r\n") < 0) head.append((char) c);
      assertThat(head.toString()).startsWith("HTTP/1.1 413");
      assertThat(head.toString().toLowerCase()).contains("connection: close");
    }
  }
}
