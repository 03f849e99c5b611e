package dev.b24tasks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes a well-behaved client library would refuse to send (bad escapes in the request line). */
public final class RawHttp {
  private RawHttp() {}

  /** The whole answer (status line, headers, body) to one request sent with {@code Connection: close}. */
  public static String exchange(int port, String requestHead, byte[] body) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000); // a safety net: a hung request fails the test instead of hanging the build
      OutputStream out = s.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
