package dev.b24tasks.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart/form-data body read as it arrives: {@link #next} gives one part's headers and a stream of its bytes
 * that ends at the next boundary. It holds one buffer of 64 KiB whatever the size of the parts.
 */
final class MultipartStream {
  /** The body is not well-formed multipart. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** One part: its headers (names lower-case) and its bytes. */
  record Part(Map<String, String> headers, InputStream body) {
    String name() {
      return param(headers.getOrDefault("content-disposition", ""), "name");
    }

    /** The file name of a file part, else null. */
    String filename() {
      return param(headers.getOrDefault("content-disposition", ""), "filename");
    }

    String contentType() {
      return headers.get("content-type");
    }
  }

  private final InputStream in;
  private final byte[] delimiter; // CRLF "--" boundary
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private boolean eof;
  private boolean done;
  private PartBody current;

  MultipartStream(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // the first boundary has no line break before it: pretend it has one
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
  }

  /** The boundary of a {@code multipart/form-data; boundary=…} content type, or null. */
  static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) return null;
    String b = param(contentType, "boundary");
    return b == null || b.isEmpty() || b.length() > 200 ? null : b;
  }

  /** The next part, or null after the closing boundary. */
  Part next() throws IOException {
    if (done) return null;
    if (current == null) {
      new PartBody().transferTo(OutputSink.NULL); // the preamble
    } else {
      current.transferTo(OutputSink.NULL);
    }
    // after a delimiter: "--" closes the body, CRLF opens a part
    if (!ensure(2)) throw new Malformed("unterminated body");
    if (buf[pos] == '-' && buf[pos + 1] == '-') {
      done = true;
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String line = line();
    if (!line.isEmpty()) throw new Malformed("no line break after the boundary");
    int total = 0;
    while (!(line = line()).isEmpty()) {
      total += line.length();
      if (total > 16 * 1024 || headers.size() > 32) throw new Malformed("part headers too long");
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    current = new PartBody();
    return new Part(headers, current);
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (!ensure(1)) throw new Malformed("unterminated part headers");
      byte b = buf[pos++];
      if (b == '\n') break;
      if (b != '\r') sb.append((char) (b & 0xff));
      if (sb.length() > 8 * 1024) throw new Malformed("part header line too long");
    }
    return new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** At least {@code n} unread bytes in the buffer, reading more when needed; false at the end of the input. */
  private boolean ensure(int n) throws IOException {
    while (lim - pos < n) {
      if (eof) return false;
      readMore();
    }
    return true;
  }

  /** Moves the unread bytes to the front of the buffer and reads what fits after them (or notes the end). */
  private void readMore() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int r = in.read(buf, lim, buf.length - lim);
    if (r < 0) eof = true;
    else lim += r;
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = pos; i <= lim - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) if (buf[i + j] != delimiter[j]) continue outer;
      return i;
    }
    return -1;
  }

  /** Sink for skipped parts. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink NULL = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** The bytes of one part, up to (not including) the next delimiter. */
  private final class PartBody extends InputStream {
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) return -1;
      if (len == 0) return 0;
      while (true) {
        ensure(delimiter.length); // as much as there is, at the end of the input
        int at = indexOfDelimiter();
        if (at == pos) {
          pos += delimiter.length;
          ended = true;
          return -1;
        }
        int safe = at >= 0 ? at - pos : lim - pos - (delimiter.length - 1);
        if (safe > 0) {
          int n = Math.min(len, safe);
          System.arraycopy(buf, pos, b, off, n);
          pos += n;
          return n;
        }
        if (eof) throw new Malformed("unterminated part");
        readMore(); // too little in the buffer to tell data from a delimiter: read on
      }
    }
  }

  /** A parameter of a header value ({@code name="file"}, {@code boundary=xyz}), unquoted; null when absent. */
  static String param(String header, String name) {
    for (String piece : header.split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq <= 0 || !p.substring(0, eq).trim().equalsIgnoreCase(name)) continue;
      String v = p.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
      return v;
    }
    return null;
  }
}
